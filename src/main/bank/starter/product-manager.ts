import type { StarterRoleBank } from './types';

export const productManagerBank: StarterRoleBank = {
  role: {
    id: 'product-manager',
    title: 'Product Manager',
    category: 'Product',
    description:
      'Decides what to build and why, aligning customers, business goals and engineering.',
    skillTags: [
      'prioritization',
      'user research',
      'roadmapping',
      'metrics',
      'stakeholder management',
      'product strategy',
    ],
  },
  questions: [
    {
      id: 'pm-entry-01',
      roleId: 'product-manager',
      level: 'entry',
      type: 'behavioral',
      category: 'teamwork',
      content:
        'Tell me about a time you worked with people from different disciplines to deliver ' +
        'something.',
      idealAnswer:
        'In my final year, I led a team of two computer science students, a design student and a ' +
        'business student in a startup competition, building an app to reduce campus food waste. ' +
        'Each of us saw the project through our own discipline, and we spent the first two weeks ' +
        'arguing about features. My task as team lead was to get us aligned. I suggested we ' +
        'interview twenty students together, so everyone heard the same problems first-hand. We ' +
        'then wrote one shared problem statement and ranked every feature by how well it ' +
        'addressed that problem. I also set up a weekly demo so progress was visible to ' +
        'everyone, whatever their discipline. We shipped a working prototype in six weeks, 300 ' +
        'students signed up during the pilot, and we placed second out of 40 teams.',
      expectedKeywords: [
        'aligned',
        'interview',
        'problem statement',
        'ranked',
        'demo',
        'prototype',
      ],
      timeLimitSeconds: 150,
    },
    {
      id: 'pm-entry-02',
      roleId: 'product-manager',
      level: 'entry',
      type: 'behavioral',
      category: 'user research',
      content: 'Describe a time you used feedback from users to change your approach.',
      idealAnswer:
        'During my internship at an online learning company, I was asked to help raise the ' +
        'course completion rate. My assumption was that learners needed reminder emails, and I ' +
        'had already drafted a plan. Before we built anything, my manager encouraged me to talk ' +
        'to users, so I ran eight short interviews and read through recent support tickets. The ' +
        "feedback surprised me: learners weren't forgetting, they were getting stuck on the " +
        'first assignment because the instructions were unclear. I changed my approach, worked ' +
        'with a course designer to rewrite the instructions and add a worked example, and we ' +
        'tested the change on two courses. Completion of the first assignment rose from 54 to 71 ' +
        'percent within a month, and overall course completion improved by 9 points. I learned ' +
        'to validate the problem before committing to a solution.',
      expectedKeywords: [
        'assumption',
        'interviews',
        'support tickets',
        'feedback',
        'tested',
        'completion',
        'validate',
      ],
      timeLimitSeconds: 150,
    },
    {
      id: 'pm-entry-03',
      roleId: 'product-manager',
      level: 'entry',
      type: 'technical',
      category: 'prioritization',
      content:
        'How would you prioritize a long list of feature requests when you cannot build ' +
        'everything?',
      idealAnswer:
        "I'd start by connecting each request to our current goals, because a feature that " +
        "doesn't move an objective we care about now shouldn't compete on equal terms. For the " +
        "remaining items, I'd use a simple framework like RICE: reach, meaning how many users " +
        'it affects; impact on the goal; confidence in those estimates; and effort from ' +
        'engineering. That produces a rough score, which I treat as a starting point for ' +
        "discussion rather than the answer. I'd also weigh things a score misses, such as " +
        'dependencies, technical risk, commitments to key customers, and quick wins that build ' +
        "momentum. I'd review the ranking with engineering and design so the estimates are " +
        "realistic, then share it with stakeholders, including what we're not doing and why. " +
        'Being transparent about the trade-offs makes it much easier to say no politely.',
      expectedKeywords: [
        'goals',
        'rice',
        'reach',
        'impact',
        'confidence',
        'effort',
        'stakeholders',
        'trade-offs',
      ],
      timeLimitSeconds: 120,
    },
    {
      id: 'pm-entry-04',
      roleId: 'product-manager',
      level: 'entry',
      type: 'technical',
      category: 'metrics',
      content:
        'What metrics would you use to judge whether a newly launched feature is successful?',
      idealAnswer:
        "I'd decide the metrics before launch, based on what the feature is meant to achieve, " +
        'and I usually think in three layers. First, adoption: what share of eligible users ' +
        'tried it, say within the first two weeks. Second, engagement and retention: do people ' +
        'keep using it, measured by repeat usage or a weekly retention curve, because one-time ' +
        "curiosity isn't success. Third, the business outcome the feature is supposed to drive, " +
        "like conversion, revenue per user or fewer support tickets. I'd pair those with " +
        "guardrail metrics to make sure we didn't hurt something else, such as page load time " +
        "or churn. Where possible, I'd compare against a control group or the period before " +
        "launch. And I'd combine the numbers with qualitative feedback, because metrics tell me " +
        'what happened, while conversations with users explain why.',
      expectedKeywords: [
        'before launch',
        'adoption',
        'retention',
        'business outcome',
        'guardrail',
        'control group',
        'qualitative',
      ],
      timeLimitSeconds: 120,
    },
    {
      id: 'pm-entry-05',
      roleId: 'product-manager',
      level: 'entry',
      type: 'situational',
      category: 'stakeholder management',
      content:
        'A sales representative tells you that a big customer will leave unless you build a ' +
        'specific feature next month. What do you do?',
      idealAnswer:
        "I'd take it seriously, but I wouldn't commit on the spot. First I'd dig into the " +
        "underlying need: I'd ask the sales rep to set up a call so I can hear from the " +
        "customer what problem they're trying to solve, how they handle it today, and what the " +
        'real deadline is. Often the request is just one possible solution, and something ' +
        "smaller or an existing workaround would meet the need. Then I'd check whether other " +
        "customers have the same problem, which can change the priority a lot. I'd estimate the " +
        "effort with engineering and weigh it against what we would have to delay. Finally I'd " +
        'give the sales rep a clear answer with my reasoning: yes with a date, a smaller interim ' +
        'solution, or no, so they can manage the customer honestly instead of having to ' +
        'overpromise.',
      expectedKeywords: [
        'underlying need',
        'workaround',
        'other customers',
        'engineering',
        'delay',
        'clear answer',
        'overpromise',
      ],
      timeLimitSeconds: 120,
    },
    {
      id: 'pm-entry-06',
      roleId: 'product-manager',
      level: 'entry',
      type: 'situational',
      category: 'problem-solving',
      content:
        "Your team's release is a week away, and the engineers tell you a key feature will not " +
        'be ready. What do you do?',
      idealAnswer:
        "I'd start by getting the facts from the engineers without any blame: what's left, " +
        "what's risky, and whether more time would actually fix it. Then I'd look at the " +
        'options. Can we cut scope and launch a smaller version that still delivers the core ' +
        'value? Can we release it behind a feature flag to a small group of users first? Is the ' +
        'date truly fixed, for example because of a marketing campaign or a contract, or could ' +
        "it move by a week? I'd choose the option that best protects the user experience and " +
        'our commitments, which usually means a smaller scope over a rushed, buggy feature. Then ' +
        "I'd tell stakeholders promptly, with the reason and the new plan, so nobody is " +
        "surprised. After the release, I'd run a short retrospective to understand why the " +
        'estimate slipped.',
      expectedKeywords: [
        'facts',
        'options',
        'scope',
        'feature flag',
        'fixed',
        'stakeholders',
        'retrospective',
      ],
      timeLimitSeconds: 120,
    },
    {
      id: 'pm-intermediate-07',
      roleId: 'product-manager',
      level: 'intermediate',
      type: 'behavioral',
      category: 'stakeholder management',
      content: 'Tell me about a time you had to say no to an important stakeholder.',
      idealAnswer:
        'As product manager for a B2B invoicing tool, our head of sales asked us to build custom ' +
        'report layouts for a prospect worth a large contract. My team was halfway through a ' +
        'payments project, and our retention data showed that missing payments was the top ' +
        'reason customers churned. My task was to protect the roadmap without damaging the ' +
        'relationship. I met with him, listened to the full deal context, and then showed him ' +
        'the data: custom layouts served one prospect, while payments affected 70 percent of our ' +
        'accounts. I offered an alternative, a spreadsheet export template that customer success ' +
        'could format for the prospect, which took two days to build. He agreed, the prospect ' +
        'signed using the export, and the payments project launched on time, reducing churn by 3 ' +
        'points over the next two quarters.',
      expectedKeywords: ['roadmap', 'relationship', 'listened', 'data', 'alternative', 'churn'],
      timeLimitSeconds: 150,
    },
    {
      id: 'pm-intermediate-08',
      roleId: 'product-manager',
      level: 'intermediate',
      type: 'behavioral',
      category: 'metrics',
      content:
        'Describe a product launch that did not go as planned. What happened, and what did you ' +
        'learn?',
      idealAnswer:
        'I launched a recommendations feature in our recipe app that we expected to lift weekly ' +
        "engagement by 10 percent. After two weeks, engagement was flat and the feature's click " +
        'rate was under 2 percent. My task was to understand why and decide whether to fix or ' +
        'remove it. I analysed the funnel data and ran five user interviews. The main issue was ' +
        'placement: recommendations appeared below the fold, after users had already picked a ' +
        'recipe. We also found the model often suggested recipes users had already saved. I ' +
        'worked with design and engineering to move recommendations to the home screen and ' +
        'filter out saved recipes, and we ran the new version as an A/B experiment. It raised ' +
        'weekly engagement by 6 percent. My lesson was to test placement with prototypes before ' +
        'launch and to agree a kill criterion upfront.',
      expectedKeywords: [
        'funnel',
        'interviews',
        'placement',
        'a/b',
        'experiment',
        'lesson',
        'kill criterion',
      ],
      timeLimitSeconds: 150,
    },
    {
      id: 'pm-intermediate-09',
      roleId: 'product-manager',
      level: 'intermediate',
      type: 'technical',
      category: 'metrics',
      content: 'How would you investigate a sudden 15 percent drop in daily active users?',
      idealAnswer:
        "First I'd check the drop is real: did tracking, a data pipeline or the metric " +
        'definition change, and does the drop also appear in other sources, like server logs? ' +
        "Next I'd look for external causes, such as a public holiday, a competitor launch or an " +
        "app store problem. Then I'd segment the drop by platform, app version, country, " +
        'acquisition channel, and new versus returning users, because a drop concentrated in one ' +
        'segment points towards its cause, for example only Android users on the latest version. ' +
        "I'd line the timing up against our release and experiment calendar, and walk through " +
        'the funnel to find the step where users fall off, like a spike in login failures. Once ' +
        "I had a hypothesis, I'd confirm it with engineering and support tickets, fix or roll " +
        'back, and keep stakeholders updated throughout rather than waiting for the full answer.',
      expectedKeywords: [
        'tracking',
        'external',
        'segment',
        'platform',
        'release',
        'funnel',
        'hypothesis',
      ],
      timeLimitSeconds: 150,
    },
    {
      id: 'pm-intermediate-10',
      roleId: 'product-manager',
      level: 'intermediate',
      type: 'technical',
      category: 'roadmapping',
      content:
        'How do you build a product roadmap, and how do you keep it useful as things change?',
      idealAnswer:
        'I build the roadmap from strategy down, not from a feature list up. I start with the ' +
        'company objectives and our product vision, then identify the customer problems and ' +
        'opportunities that matter most, using research, data, and input from sales and support. ' +
        'I prefer an outcome-based roadmap organised into now, next and later, where each item ' +
        'is a problem to solve with a target metric rather than a feature with a fixed date. ' +
        'Near-term items are detailed and committed; later items are deliberately loose, because ' +
        "we'll learn more before we get there. I review the roadmap with engineering for " +
        'feasibility and with stakeholders for alignment. To keep it useful, I revisit it every ' +
        'quarter, or sooner when the evidence changes, and communicate updates with the ' +
        'reasoning, so people see it as a living plan rather than a broken promise.',
      expectedKeywords: [
        'strategy',
        'objectives',
        'vision',
        'outcome-based',
        'target metric',
        'feasibility',
        'alignment',
        'quarter',
      ],
      timeLimitSeconds: 150,
    },
    {
      id: 'pm-intermediate-11',
      roleId: 'product-manager',
      level: 'intermediate',
      type: 'situational',
      category: 'prioritization',
      content:
        'Engineering wants a full quarter to pay down technical debt, but the business wants new ' +
        'features. How would you handle this?',
      idealAnswer:
        "I'd avoid framing it as engineering versus the business, because debt that slows " +
        "delivery is a business problem. I'd ask the engineering lead to make the cost " +
        'concrete: which areas slow us down, how often they cause incidents, and how much faster ' +
        "we'd ship afterwards. With that, I can compare the investment on the same terms as " +
        "features. Usually I'd propose a balance rather than a full stop, for example " +
        'dedicating around 20 to 30 percent of capacity to technical debt every sprint, and ' +
        'prioritising debt that sits in the path of upcoming roadmap work, so paying it down ' +
        'directly speeds up the features the business wants. If one component is truly critical, ' +
        "a focused effort may be justified. I'd explain the plan to stakeholders in terms of " +
        'reliability and delivery speed, then track whether lead times improve.',
      expectedKeywords: [
        'technical debt',
        'cost',
        'incidents',
        'capacity',
        'roadmap',
        'reliability',
        'lead times',
      ],
      timeLimitSeconds: 120,
    },
    {
      id: 'pm-intermediate-12',
      roleId: 'product-manager',
      level: 'intermediate',
      type: 'situational',
      category: 'product strategy',
      content:
        'Your main competitor has just launched a feature your customers have been asking for. ' +
        'How do you respond?',
      idealAnswer:
        "I wouldn't copy it reflexively. First I'd learn what they actually shipped: I'd try " +
        "it myself, read reviews, and ask sales whether it has come up in deals. Then I'd look " +
        "at our own evidence: how many customers have asked for it, what problem they're trying " +
        "to solve, and whether we're losing deals or seeing churn because of it. If it's a " +
        "real gap for our target customers, I'd prioritise it, but aim to solve the underlying " +
        'problem in a way that fits our strategy and strengths, ideally more simply than they ' +
        "did. If it mainly serves a segment we're not focused on, I'd consciously deprioritise " +
        "it and give sales clear messaging about our alternatives. Either way, I'd share the " +
        'reasoning with the team and stakeholders, because reacting to every competitor move ' +
        'turns a roadmap into a chase.',
      expectedKeywords: [
        'competitor',
        'evidence',
        'churn',
        'underlying problem',
        'strategy',
        'segment',
        'messaging',
      ],
      timeLimitSeconds: 120,
    },
    {
      id: 'pm-senior-13',
      roleId: 'product-manager',
      level: 'senior',
      type: 'behavioral',
      category: 'product strategy',
      content:
        'Tell me about a time you set or changed the strategy for a product or product area.',
      idealAnswer:
        'I took over a small-business accounting product whose growth had stalled at 2 percent a ' +
        'year. My task was to define a strategy to restart growth. I spent my first six weeks ' +
        'analysing customer cohorts and interviewing thirty current and churned customers. The ' +
        'key insight was that our best customers were accountants managing many small clients, ' +
        'not the business owners we targeted. I proposed repositioning around accountants, with ' +
        'a multi-client dashboard, bulk workflows and a partner program. That meant ' +
        'deprioritising several owner-focused features, so I built alignment with the executive ' +
        'team through a written strategy with clear bets, success metrics and kill criteria. ' +
        'Over eighteen months, accountant-referred signups grew to 45 percent of new accounts, ' +
        'annual growth reached 19 percent, and net revenue retention rose from 94 to 108 ' +
        'percent.',
      expectedKeywords: [
        'cohorts',
        'interviewing',
        'insight',
        'repositioning',
        'alignment',
        'bets',
        'retention',
      ],
      timeLimitSeconds: 150,
    },
    {
      id: 'pm-senior-14',
      roleId: 'product-manager',
      level: 'senior',
      type: 'behavioral',
      category: 'stakeholder management',
      content:
        'Describe a time you had to align senior leaders who wanted different things from your ' +
        'product.',
      idealAnswer:
        'At a travel marketplace, the CFO wanted to raise fees to improve margins, while the ' +
        'head of supply wanted to lower them to attract more hosts, and both wanted their change ' +
        'on my roadmap in the same quarter. As group product manager for pricing, my task was to ' +
        'reach a decision that served the company rather than pick a side. I met each leader to ' +
        'understand their goals and constraints, then framed the choice as a shared question: ' +
        'which fee structure maximises long-term gross profit? My team modelled scenarios using ' +
        'elasticity data and proposed a test of tiered fees by host size in three markets. I ran ' +
        'a decision meeting with the options, evidence and risks on one page. Both agreed to the ' +
        'test, which increased gross profit by 6 percent and host signups by 11 percent, and we ' +
        'rolled it out globally.',
      expectedKeywords: [
        'goals',
        'constraints',
        'shared',
        'scenarios',
        'test',
        'decision',
        'evidence',
      ],
      timeLimitSeconds: 150,
    },
    {
      id: 'pm-senior-15',
      roleId: 'product-manager',
      level: 'senior',
      type: 'technical',
      category: 'product strategy',
      content:
        'How would you decide whether to take an existing product into a new market or customer ' +
        'segment?',
      idealAnswer:
        "I'd frame it as a bet that needs evidence on four questions. First, the problem: does " +
        "this segment have a painful, frequent need that our product solves? I'd test that " +
        'through interviews and by studying any existing users from the segment. Second, size ' +
        'and economics: the realistic addressable market, willingness to pay, and the expected ' +
        'acquisition cost and retention compared with our core customers. Third, our right to ' +
        "win: what advantage we'd have over incumbents, such as technology, brand or " +
        'distribution. Fourth, the cost to serve and the cost to focus: what product changes, ' +
        'sales motions, compliance work or support it needs, and what it would take away from ' +
        "our core roadmap. If it looks promising, I'd run a small, time-boxed pilot with clear " +
        'success criteria before committing a full team, and decide in advance which results ' +
        'would make us stop.',
      expectedKeywords: [
        'interviews',
        'addressable market',
        'willingness to pay',
        'acquisition cost',
        'right to win',
        'pilot',
        'success criteria',
      ],
      timeLimitSeconds: 180,
    },
    {
      id: 'pm-senior-16',
      roleId: 'product-manager',
      level: 'senior',
      type: 'technical',
      category: 'metrics',
      content:
        'How would you design a metrics framework for a product organization with several teams?',
      idealAnswer:
        "I'd start with one north star metric that captures the value customers get, for " +
        'example weekly active projects for a collaboration product, and confirm that it ' +
        "predicts revenue and retention. Then I'd build a metric tree, breaking the north star " +
        'into input metrics such as activation, depth of engagement and retention, and give each ' +
        'team ownership of the inputs it can actually influence. Teams set quarterly goals on ' +
        "those inputs, so their work visibly ladders up. I'd add guardrail metrics for health, " +
        'such as reliability, support contacts and satisfaction, so nobody improves their number ' +
        'by harming the business. Metric definitions would be documented and computed once in a ' +
        "shared data layer to avoid arguments about numbers. Finally, I'd review the framework " +
        'in a regular business review and change it when a metric stops reflecting real customer ' +
        'value.',
      expectedKeywords: [
        'north star',
        'metric tree',
        'input metrics',
        'ownership',
        'guardrail',
        'definitions',
        'business review',
      ],
      timeLimitSeconds: 180,
    },
    {
      id: 'pm-senior-17',
      roleId: 'product-manager',
      level: 'senior',
      type: 'situational',
      category: 'product strategy',
      content:
        "The company asks you to cut your product area's budget by 30 percent without hurting " +
        'revenue. How would you approach it?',
      idealAnswer:
        "I'd first understand the constraint precisely: the timeline, whether it's headcount " +
        "or other spend, and how much flexibility exists. Then I'd review everything we do " +
        'against the strategy, with evidence for each investment: revenue contribution, usage ' +
        'and strategic importance. Typically some features have very low usage but real ' +
        'maintenance cost, and some projects are speculative bets without traction; those are ' +
        "candidates to stop or sunset. I'd protect work tied to retention and core revenue, " +
        "because cutting it would cost more than it saves. I'd also look for efficiency, like " +
        "consolidating tools and vendors. I'd bring leadership two or three options that spell " +
        "out the risks of each, rather than a single list of cuts. Once a decision is made, I'd " +
        "communicate honestly with the team about what's stopping and why, and support the " +
        'people affected.',
      expectedKeywords: [
        'constraint',
        'strategy',
        'usage',
        'sunset',
        'retention',
        'options',
        'risks',
        'communicate',
      ],
      timeLimitSeconds: 120,
    },
    {
      id: 'pm-senior-18',
      roleId: 'product-manager',
      level: 'senior',
      type: 'situational',
      category: 'stakeholder management',
      content:
        'Halfway through a major project, new data suggests that the core assumption behind it ' +
        'is wrong. What do you do?',
      idealAnswer:
        "I'd move quickly but carefully. First I'd validate the new data: check its source and " +
        "sample, and whether it truly contradicts our assumption or just adds nuance. I'd also " +
        'ask what we would expect to see if the assumption were right. If the evidence holds, ' +
        "I'd resist the sunk cost fallacy, because what we've already spent shouldn't drive " +
        "the decision, only what's best from here. I'd work with the team to lay out options: " +
        'stop, pivot to a version that fits the new evidence, or continue with a modified goal. ' +
        "Then I'd bring the leaders who sponsored the project a clear recommendation backed by " +
        "the data, rather than hiding the news until it's undeniable. Whatever we decide, I'd " +
        'explain it openly to the team, so they see changing course based on evidence as good ' +
        'product work rather than failure.',
      expectedKeywords: [
        'validate',
        'assumption',
        'sunk cost',
        'options',
        'pivot',
        'recommendation',
        'evidence',
      ],
      timeLimitSeconds: 120,
    },
  ],
};
