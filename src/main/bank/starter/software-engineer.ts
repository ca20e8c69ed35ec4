import type { StarterRoleBank } from './types';

export const softwareEngineerBank: StarterRoleBank = {
  role: {
    id: 'software-engineer',
    title: 'Software Engineer',
    category: 'Software',
    description:
      'Designs, builds, tests and maintains software, from small features to distributed systems.',
    skillTags: [
      'javascript',
      'data structures',
      'algorithms',
      'system design',
      'testing',
      'debugging',
      'databases',
    ],
  },
  questions: [
    {
      id: 'swe-entry-01',
      roleId: 'software-engineer',
      level: 'entry',
      type: 'behavioral',
      category: 'teamwork',
      content:
        'Tell me about a time you worked on a team project where a teammate was not pulling ' +
        'their weight. What did you do?',
      idealAnswer:
        'In my final-year capstone, four of us were building a room-booking web app, and one ' +
        'teammate had missed two sprint deadlines on the authentication module. My task, as the ' +
        'person running our task board, was to get us back on track without blaming anyone. I ' +
        'asked him for a one-on-one coffee and learned he was stuck on the OAuth library and ' +
        'embarrassed to ask for help. I paired with him for two evenings, and we split the ' +
        'module into smaller tickets so progress was visible at stand-up. I also suggested short ' +
        'daily check-ins so blockers surfaced earlier. He finished the module within a week, we ' +
        'demoed on time, and our project scored 92 percent, the second highest in the cohort. I ' +
        'learned that missed work is often a hidden blocker rather than a lack of effort.',
      expectedKeywords: [
        'deadline',
        'one-on-one',
        'paired',
        'smaller tickets',
        'blockers',
        'on time',
      ],
      timeLimitSeconds: 150,
    },
    {
      id: 'swe-entry-02',
      roleId: 'software-engineer',
      level: 'entry',
      type: 'behavioral',
      category: 'debugging',
      content: 'Describe a bug you found difficult to fix, and walk me through how you solved it.',
      idealAnswer:
        'During my internship at a logistics startup, customers reported that some delivery ' +
        'times were shown an hour off, but only for a few users. My task was to find the root ' +
        'cause before the next weekly release. I started by trying to reproduce it: I collected ' +
        'the affected accounts and noticed they were all in regions that had just switched to ' +
        'daylight saving time. I wrote a failing unit test with a fixed date near the ' +
        'transition, then traced the code and found we stored local times without a time zone ' +
        'and converted them twice. I changed the code to store UTC timestamps and convert only ' +
        'at display time, and added tests for both transitions. The fix shipped in that release, ' +
        'support tickets about it dropped to zero, and the team added the UTC rule to our code ' +
        'review checklist.',
      expectedKeywords: ['root cause', 'reproduce', 'unit test', 'time zone', 'utc', 'code review'],
      timeLimitSeconds: 150,
    },
    {
      id: 'swe-entry-03',
      roleId: 'software-engineer',
      level: 'entry',
      type: 'technical',
      category: 'data structures',
      content:
        'What is the difference between an array and a linked list, and when would you choose ' +
        'one over the other?',
      idealAnswer:
        'An array stores elements in one contiguous block of memory, so reading any element by ' +
        'index is constant time, O(1), and iterating is very cache friendly. The downside is ' +
        'that inserting or deleting in the middle means shifting elements, which is O(n), and a ' +
        'fixed-size array must be reallocated to grow. A linked list stores each element in a ' +
        'node with a pointer to the next node, so once I have a reference to a position, ' +
        'insertion and deletion are O(1), but finding the i-th element means walking the list, ' +
        'which is O(n), and scattered nodes use the cache poorly. In practice I default to a ' +
        'dynamic array, like a JavaScript array, because most workloads read far more than they ' +
        'insert. I would pick a linked list for something like an LRU cache, where I constantly ' +
        'move items around at known positions.',
      expectedKeywords: ['contiguous', 'index', 'o(1)', 'o(n)', 'pointer', 'cache', 'insertion'],
      timeLimitSeconds: 120,
    },
    {
      id: 'swe-entry-04',
      roleId: 'software-engineer',
      level: 'entry',
      type: 'technical',
      category: 'javascript',
      content:
        'Explain how the JavaScript event loop handles asynchronous code, such as a setTimeout ' +
        'callback or a resolved promise.',
      idealAnswer:
        'JavaScript runs my code on a single thread with one call stack. When I start something ' +
        'asynchronous, like setTimeout or a network request, the browser or Node does the ' +
        'waiting outside the stack, and when it finishes, the callback is placed in a queue. The ' +
        "event loop's job is simple: whenever the call stack is empty, it takes the next task " +
        'and runs it. There are two important queues. Promise callbacks, like a then handler or ' +
        'the code after an await, go into the microtask queue, which is drained completely ' +
        'before the loop picks the next macrotask, such as a timer callback. So if I log ' +
        'something synchronously, schedule a setTimeout with zero delay and resolve a promise, ' +
        'the order is the synchronous log, then the promise, then the timer. It also explains ' +
        'why a long synchronous loop freezes a page: nothing else runs until the stack clears.',
      expectedKeywords: [
        'single thread',
        'call stack',
        'callback',
        'queue',
        'event loop',
        'microtask',
        'macrotask',
      ],
      timeLimitSeconds: 120,
    },
    {
      id: 'swe-entry-05',
      roleId: 'software-engineer',
      level: 'entry',
      type: 'situational',
      category: 'problem-solving',
      content:
        'You have been given a task, but the requirements are unclear and your lead is busy for ' +
        'the rest of the week. What do you do?',
      idealAnswer:
        "First I would try to unblock myself rather than wait. I'd reread the ticket and any " +
        "linked designs, then write down my specific questions and the assumptions I'd make for " +
        "each one. I'd look for other people who could answer: the product manager, the " +
        "designer, or the engineer who last worked in that area, and I'd check past tickets for " +
        "similar decisions. Then I'd send my lead a short written message listing the " +
        'assumptions, so they can reply with a quick yes or no when they have five minutes ' +
        "instead of needing a meeting. While waiting, I'd start on the parts that are clear, " +
        'keep the uncertain parts small and easy to change, and note the open questions in the ' +
        'pull request description so reviewers see them. That way I keep moving while making it ' +
        'cheap to correct course.',
      expectedKeywords: [
        'unblock',
        'questions',
        'assumptions',
        'product manager',
        'written',
        'pull request',
      ],
      timeLimitSeconds: 120,
    },
    {
      id: 'swe-entry-06',
      roleId: 'software-engineer',
      level: 'entry',
      type: 'situational',
      category: 'testing',
      content:
        'Just before a release, you notice that a feature you built has no automated tests, and ' +
        'the deadline is tomorrow. How do you handle it?',
      idealAnswer:
        "I'd start by being honest with my team about the gap rather than quietly hoping " +
        "nothing breaks. Then I'd prioritise: with the time I have, I'd write tests for the " +
        'riskiest paths first, such as the main happy path, input validation, and anything that ' +
        'touches payments or user data. A few focused unit tests plus one integration test that ' +
        "exercises the feature end to end usually catch the most likely failures. I'd also do a " +
        'careful manual test against the acceptance criteria and ask a teammate for a quick ' +
        "review. If I found a serious problem I couldn't fix in time, I'd suggest shipping " +
        'with the feature switched off behind a feature flag rather than delaying the whole ' +
        "release. Afterwards I'd create a ticket for the remaining test coverage and change my " +
        'habits so tests are written alongside the code.',
      expectedKeywords: [
        'honest',
        'riskiest',
        'unit tests',
        'integration test',
        'manual test',
        'feature flag',
        'test coverage',
      ],
      timeLimitSeconds: 120,
    },
    {
      id: 'swe-intermediate-07',
      roleId: 'software-engineer',
      level: 'intermediate',
      type: 'behavioral',
      category: 'communication',
      content:
        'Tell me about a time you disagreed with a technical decision made by a colleague or ' +
        'your team. How did you handle it?',
      idealAnswer:
        'On my previous team we were adding search to our product, and a senior colleague ' +
        'proposed building our own indexing service. I believed a managed search engine would be ' +
        'faster to deliver and cheaper to run. My task was to raise the concern without turning ' +
        'it into a personal argument. I wrote a one-page comparison of the trade-offs: build ' +
        "effort, operating cost, latency, and the features we'd need over the next year. I also " +
        'built a two-day prototype on the managed option using a copy of our real data. I ' +
        'presented both in our design review and explicitly asked what I might be missing. My ' +
        'colleague pointed out a licensing issue, which we solved by choosing a different tier. ' +
        'The team chose the managed option, we launched search six weeks earlier than the ' +
        'original estimate, and my colleague and I co-owned the rollout.',
      expectedKeywords: [
        'trade-offs',
        'cost',
        'latency',
        'prototype',
        'design review',
        'weeks earlier',
      ],
      timeLimitSeconds: 150,
    },
    {
      id: 'swe-intermediate-08',
      roleId: 'software-engineer',
      level: 'intermediate',
      type: 'behavioral',
      category: 'debugging',
      content:
        'Describe a production incident you were involved in. What was your role, and what did ' +
        'you learn?',
      idealAnswer:
        'Last year our checkout API started failing for about 15 percent of requests on a Friday ' +
        'evening, and I was the on-call engineer. My task was to restore service first and ' +
        'understand the cause second. Our dashboards showed the errors began right after a ' +
        'deploy, so I rolled back the deploy within ten minutes, which brought the error rate ' +
        'back to normal. Then I led the investigation: the logs showed a new query was missing ' +
        'an index and timing out under peak load, which exhausted the database connection pool. ' +
        'I fixed the query, added the index, and wrote a blameless postmortem with three action ' +
        'items: a load test in our pipeline, an alert on connection pool usage, and a canary ' +
        'stage for deploys. We had no repeat of that incident type over the next six months, and ' +
        'the canary caught two other bad releases before customers noticed.',
      expectedKeywords: [
        'on-call',
        'rolled back',
        'logs',
        'index',
        'connection pool',
        'postmortem',
        'alert',
        'canary',
      ],
      timeLimitSeconds: 150,
    },
    {
      id: 'swe-intermediate-09',
      roleId: 'software-engineer',
      level: 'intermediate',
      type: 'technical',
      category: 'databases',
      content: 'How would you find and fix a slow SQL query in a web application?',
      idealAnswer:
        "First I'd confirm which query is slow using evidence rather than guessing: the " +
        "database's slow query log, application tracing, or monitoring that shows latency per " +
        "endpoint. Once I have the query, I'd run EXPLAIN, or EXPLAIN ANALYZE, to see the query " +
        'plan. The usual culprits are full table scans where an index is missing, an index that ' +
        "can't be used because a function wraps the column, joins on unindexed foreign keys, or " +
        'fetching far more rows and columns than needed. The fix depends on the cause: a ' +
        'composite index with the right column order, a rewritten query, pagination, or removing ' +
        "an N+1 pattern where the code runs one query per row. I'd measure before and after on " +
        "realistic data volumes, and remember that every index slows writes a little, so I'd " +
        'only add what the workload justifies.',
      expectedKeywords: [
        'slow query log',
        'explain',
        'query plan',
        'full table scan',
        'index',
        'n+1',
        'pagination',
        'writes',
      ],
      timeLimitSeconds: 150,
    },
    {
      id: 'swe-intermediate-10',
      roleId: 'software-engineer',
      level: 'intermediate',
      type: 'technical',
      category: 'testing',
      content:
        'How do you decide what to cover with unit tests, integration tests and end-to-end tests?',
      idealAnswer:
        'I think of it as a test pyramid shaped by cost and confidence. Unit tests are fast and ' +
        'cheap, so I write lots of them for pure logic: calculations, parsing, validation, and ' +
        'edge cases like empty input or boundary values. Integration tests check that my code ' +
        'works with real collaborators, such as the database, a message queue or another module, ' +
        'so I use them for data access code, API handlers, and anywhere the wiring itself can ' +
        'break. End-to-end tests are slow and can be flaky, so I keep a small set covering the ' +
        'critical user journeys, for example sign-up and checkout. I avoid heavy mocking of code ' +
        'we own, because tests that mirror the implementation break on every refactor without ' +
        'catching real bugs. And when a bug reaches production, I first write a test at the ' +
        'lowest level that would have caught it, then fix it.',
      expectedKeywords: [
        'test pyramid',
        'unit tests',
        'edge cases',
        'integration tests',
        'end-to-end',
        'flaky',
        'critical',
        'mocking',
      ],
      timeLimitSeconds: 150,
    },
    {
      id: 'swe-intermediate-11',
      roleId: 'software-engineer',
      level: 'intermediate',
      type: 'situational',
      category: 'communication',
      content:
        'A product manager asks you to add a feature in a way that you believe will create ' +
        'significant technical debt. How do you respond?',
      idealAnswer:
        "I'd start by understanding the goal behind the request, because there's often a " +
        "simpler way to reach the same outcome. Then I'd make the cost visible in terms the " +
        'product manager cares about, for example: we can ship this in a week, but it duplicates ' +
        'the billing logic, so every future pricing change will take twice as long and carry ' +
        "more risk of errors. I'd offer options rather than a flat no: the quick version with a " +
        'scheduled follow-up to clean it up, a slightly longer version done properly, or a ' +
        "smaller scope that tests the idea first. If we choose the quick path, I'd document the " +
        "technical debt, add tests around it, and agree on when we'll pay it back. The decision " +
        "is shared, but my job is to make sure it's an informed one.",
      expectedKeywords: ['goal', 'technical debt', 'risk', 'options', 'scope', 'document'],
      timeLimitSeconds: 120,
    },
    {
      id: 'swe-intermediate-12',
      roleId: 'software-engineer',
      level: 'intermediate',
      type: 'situational',
      category: 'debugging',
      content:
        "Your service's response time has doubled since yesterday, but nobody has deployed any " +
        'code. How would you investigate?',
      idealAnswer:
        "I'd first confirm the scope with our metrics dashboards: which endpoints are slow, " +
        'whether it affects every request or mainly a high percentile like p99, and exactly when ' +
        "it started. No deploy doesn't mean nothing changed, so I'd list other changes: " +
        'configuration or feature flag updates, infrastructure changes, a new base image with ' +
        'updated dependencies, a data migration, or a shift in traffic, such as a large customer ' +
        "onboarding. Then I'd follow slow requests with distributed tracing to see where the " +
        'time goes: our code, the database, a cache, or a third-party API. If the database got ' +
        "slower, I'd look for a table that crossed a size threshold, a changed query plan, or a " +
        "falling cache hit rate. Once I found the cause, I'd mitigate quickly, for example by " +
        'scaling up or reverting a config, and then add an alert so we catch it sooner next ' +
        'time.',
      expectedKeywords: [
        'metrics',
        'percentile',
        'configuration',
        'traffic',
        'tracing',
        'cache',
        'alert',
      ],
      timeLimitSeconds: 120,
    },
    {
      id: 'swe-senior-13',
      roleId: 'software-engineer',
      level: 'senior',
      type: 'behavioral',
      category: 'teamwork',
      content:
        'Tell me about a time you led a significant technical change that affected several teams.',
      idealAnswer:
        'At my last company, five product teams deployed from one monolith, and each release ' +
        'took a full day with frequent rollbacks. As the staff engineer in the platform group, I ' +
        'was asked to cut release time without a risky rewrite. I started by measuring where the ' +
        'time went and found that 70 percent was the shared test suite and manual sign-off. I ' +
        'wrote a proposal for incremental changes: splitting the test suite by ownership, adding ' +
        'automated smoke tests, and moving to trunk-based development with feature flags. I ' +
        'presented it to the engineering leads, revised it after their feedback, and recruited a ' +
        'champion in each team. We rolled it out team by team over two quarters. Release time ' +
        'fell from a day to under forty minutes, we moved from weekly to daily deploys, and the ' +
        'rollback rate roughly halved.',
      expectedKeywords: [
        'measuring',
        'proposal',
        'incremental',
        'feature flags',
        'feedback',
        'champion',
        'deploys',
      ],
      timeLimitSeconds: 150,
    },
    {
      id: 'swe-senior-14',
      roleId: 'software-engineer',
      level: 'senior',
      type: 'behavioral',
      category: 'communication',
      content:
        'Describe a time you mentored an engineer who was struggling. What did you do, and what ' +
        'was the outcome?',
      idealAnswer:
        'A mid-level engineer joined my team from a frontend background and was struggling with ' +
        'our backend services; his pull requests took weeks and collected dozens of review ' +
        'comments. As his tech lead, my task was to help him become productive without doing the ' +
        'work for him. In our first one-on-one we agreed on concrete goals, starting with ' +
        'shipping one backend feature independently within the quarter. I paired with him ' +
        'weekly, gave him a short reading list of our architecture decision records, and changed ' +
        'my review style to explain patterns instead of rewriting his code in comments. I also ' +
        'gave him ownership of a small, well-defined service so he could build confidence. ' +
        'Within three months his review cycles went from about two weeks to two days, and by the ' +
        'end of the half he led the design of a new notification feature.',
      expectedKeywords: ['one-on-one', 'goals', 'paired', 'review', 'ownership', 'confidence'],
      timeLimitSeconds: 150,
    },
    {
      id: 'swe-senior-15',
      roleId: 'software-engineer',
      level: 'senior',
      type: 'technical',
      category: 'system design',
      content:
        'How would you design a URL shortening service that must handle a very large volume of ' +
        'reads?',
      idealAnswer:
        "I'd start with requirements: create a short link, redirect quickly, and perhaps expiry " +
        'and click analytics, with reads outnumbering writes by maybe a hundred to one. For ' +
        "short codes, I'd generate unique numeric ids, for example from id ranges pre-allocated " +
        'to each server, and encode them in base62, which avoids collisions without a lookup. ' +
        'The data is a simple mapping from code to URL, so a key-value store or a sharded ' +
        "relational table both work; I'd shard by the code. Because reads dominate, redirects " +
        'go through a cache such as Redis, plus a CDN for popular links, so most requests never ' +
        'reach the database. Analytics should be asynchronous: click events go onto a queue and ' +
        "are aggregated separately, so counting never slows a redirect. I'd add rate limiting " +
        'and malicious URL checks against abuse, and replicate across regions for availability.',
      expectedKeywords: [
        'requirements',
        'base62',
        'key-value',
        'shard',
        'cache',
        'cdn',
        'queue',
        'rate limiting',
      ],
      timeLimitSeconds: 180,
    },
    {
      id: 'swe-senior-16',
      roleId: 'software-engineer',
      level: 'senior',
      type: 'technical',
      category: 'system design',
      content:
        'How do you approach the trade-off between consistency and availability when designing a ' +
        'distributed system?',
      idealAnswer:
        'I start from the business cost of being wrong versus being unavailable, because the CAP ' +
        'theorem only forces the choice during a network partition, and the right answer differs ' +
        'by feature. For an account balance or an inventory reservation, stale or conflicting ' +
        "data is worse than an error, so I'd choose strong consistency, for example a single " +
        'leader with synchronous replication or a consensus protocol like Raft, and accept ' +
        'higher latency or failed requests during partitions. For a social feed or a like ' +
        "counter, eventual consistency is fine, so I'd favour availability with asynchronous " +
        'replication, caching, and conflict resolution such as last-write-wins or CRDTs. The ' +
        'best designs often mix both: a strongly consistent core for money and orders, ' +
        'surrounded by eventually consistent read models. I also make the guarantees explicit, ' +
        'like read-your-own-writes, so product teams can design around them.',
      expectedKeywords: [
        'cap theorem',
        'partition',
        'strong consistency',
        'replication',
        'latency',
        'eventual consistency',
        'read-your-own-writes',
      ],
      timeLimitSeconds: 180,
    },
    {
      id: 'swe-senior-17',
      roleId: 'software-engineer',
      level: 'senior',
      type: 'situational',
      category: 'system design',
      content:
        'Leadership wants to rewrite a legacy system from scratch because it is hard to change. ' +
        'How would you advise them?',
      idealAnswer:
        "I'd take the pain seriously but push back on a big-bang rewrite, because rewrites " +
        'usually take far longer than planned, freeze feature work, and lose years of edge cases ' +
        "encoded in the old system. First I'd find out what hard to change really means, with " +
        'data: which modules cause the most incidents, the slowest lead times, or the most ' +
        "developer complaints. Then I'd propose incremental modernisation using the strangler " +
        'fig pattern: put a clear interface in front of the legacy system, build new ' +
        'functionality behind it in new services, and migrate the worst areas piece by piece, ' +
        'with characterization tests that lock in current behaviour. Each step should deliver ' +
        "business value and be reversible. I'd give leadership milestones and metrics, like " +
        'deployment frequency and incident count, so progress is visible. If one module is truly ' +
        'beyond saving, a targeted rewrite of that part can still make sense.',
      expectedKeywords: [
        'big-bang',
        'data',
        'incremental',
        'strangler fig',
        'characterization tests',
        'business value',
        'milestones',
        'metrics',
      ],
      timeLimitSeconds: 120,
    },
    {
      id: 'swe-senior-18',
      roleId: 'software-engineer',
      level: 'senior',
      type: 'situational',
      category: 'teamwork',
      content:
        'Two senior engineers on your team strongly disagree about an architecture decision, and ' +
        'it is stalling the project. What do you do?',
      idealAnswer:
        "I'd first talk to each of them separately to understand their reasoning and worries, " +
        'because strong disagreements usually hide different assumptions, for example about ' +
        "expected scale or the team's skills. Then I'd bring them together around a shared " +
        'goal: agree on the decision criteria before debating solutions, such as cost, time to ' +
        "deliver, operational risk and reversibility. I'd ask each to write up their option as " +
        'a short architecture decision record against those criteria. If the decision is ' +
        "reversible, I'd push to decide quickly, perhaps after a time-boxed spike that tests " +
        "the riskiest assumption. If it's still deadlocked, someone has to make the call, so as " +
        "the lead I would decide, explain why, and record the dissent. Afterwards I'd make sure " +
        'both feel heard, and agree to revisit the decision if the evidence changes.',
      expectedKeywords: [
        'separately',
        'assumptions',
        'decision criteria',
        'architecture decision record',
        'reversible',
        'spike',
        'make the call',
      ],
      timeLimitSeconds: 120,
    },
  ],
};
