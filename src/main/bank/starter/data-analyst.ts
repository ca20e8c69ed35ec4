import type { StarterRoleBank } from './types';

export const dataAnalystBank: StarterRoleBank = {
  role: {
    id: 'data-analyst',
    title: 'Data Analyst',
    category: 'Data',
    description:
      'Turns raw data into clear answers, reports and recommendations that guide decisions.',
    skillTags: [
      'sql',
      'excel',
      'statistics',
      'data visualization',
      'python',
      'a/b testing',
      'data modeling',
    ],
  },
  questions: [
    {
      id: 'da-entry-01',
      roleId: 'data-analyst',
      level: 'entry',
      type: 'behavioral',
      category: 'communication',
      content:
        'Tell me about a time you had to explain a data finding to someone without a technical ' +
        'background.',
      idealAnswer:
        'During my university internship at a regional charity, I analysed three years of ' +
        'donation records and found that donors who got a thank-you call within a week were far ' +
        'more likely to give again. My task was to present this to the fundraising manager, who ' +
        "wasn't comfortable with statistics. I tailored it to my audience: instead of showing " +
        'regression output, I built one simple bar chart comparing repeat-donation rates, 48 ' +
        'percent with a call versus 29 percent without. I explained it through the story of a ' +
        'typical donor, and said plainly that it showed correlation, not proof, so I suggested a ' +
        'small trial to confirm it. She approved a three-month trial of calling every new donor. ' +
        "The trial group's repeat rate was 12 points higher, and the charity made thank-you " +
        'calls standard practice.',
      expectedKeywords: ['audience', 'bar chart', 'story', 'correlation', 'trial', 'repeat rate'],
      timeLimitSeconds: 150,
    },
    {
      id: 'da-entry-02',
      roleId: 'data-analyst',
      level: 'entry',
      type: 'behavioral',
      category: 'problem-solving',
      content:
        'Describe a time you found a mistake in data or in an analysis, either your own or ' +
        "someone else's. What did you do?",
      idealAnswer:
        'In my first analyst job, I was preparing the monthly sales report and noticed that ' +
        'revenue for one region had jumped 40 percent with no matching rise in orders. My task ' +
        'was to work out whether it was real before the report went to leadership the next day. ' +
        'I compared the raw transactions with the previous month to find the root cause, and saw ' +
        'that a new system export was creating duplicate rows, recording refunds as sales for ' +
        'that region. I documented the issue with examples, told my manager straight away, and ' +
        'corrected the figures with a deduplication rule, clearly flagging the adjustment in the ' +
        'report. I also worked with the data engineer to add a validation check comparing order ' +
        'counts with revenue. The corrected report went out on time, and the check caught two ' +
        'similar export errors the following quarter.',
      expectedKeywords: [
        'root cause',
        'raw transactions',
        'duplicate',
        'documented',
        'deduplication',
        'validation check',
        'on time',
      ],
      timeLimitSeconds: 150,
    },
    {
      id: 'da-entry-03',
      roleId: 'data-analyst',
      level: 'entry',
      type: 'technical',
      category: 'sql',
      content:
        'What is the difference between an INNER JOIN and a LEFT JOIN in SQL, and when would you ' +
        'use each?',
      idealAnswer:
        'An INNER JOIN returns only the rows where the join condition matches in both tables, so ' +
        'if I join customers to orders, customers with no orders disappear from the result. A ' +
        "LEFT JOIN keeps every row from the left table and fills the right table's columns with " +
        "NULL when there's no match. I use an inner join when I only care about records that " +
        'exist on both sides, for example orders with their product details. I use a left join ' +
        'when missing matches are meaningful, like finding customers who have never ordered: I ' +
        'left join customers to orders and filter where the order id IS NULL. Two things I watch ' +
        'for. A filter on the right table placed in the WHERE clause silently turns a left join ' +
        'into an inner join, so that condition belongs in the ON clause. And joining on ' +
        'non-unique keys can duplicate rows and inflate totals.',
      expectedKeywords: [
        'inner join',
        'left join',
        'match',
        'null',
        'where clause',
        'on clause',
        'duplicate',
      ],
      timeLimitSeconds: 120,
    },
    {
      id: 'da-entry-04',
      roleId: 'data-analyst',
      level: 'entry',
      type: 'technical',
      category: 'statistics',
      content:
        'What is the difference between the mean and the median, and when would you report one ' +
        'rather than the other?',
      idealAnswer:
        'The mean is the sum of all values divided by how many there are, while the median is ' +
        'the middle value once the data is sorted. The mean uses every data point, which makes ' +
        "it useful for totals and forecasting, but it's sensitive to outliers. The median is " +
        'robust to outliers, so it better describes the typical case when data is skewed. For ' +
        "example, if I'm reporting customer order values and a few corporate clients place huge " +
        'orders, the mean might be 180 dollars while the median is 45, and the median tells the ' +
        'marketing team much more about a normal customer. Income, house prices and response ' +
        'times are classic skewed examples. When I report, I often show both, plus a histogram ' +
        'or percentiles like the 90th, so people can see the shape of the distribution rather ' +
        'than rely on a single number.',
      expectedKeywords: [
        'mean',
        'median',
        'outliers',
        'skewed',
        'histogram',
        'percentiles',
        'distribution',
      ],
      timeLimitSeconds: 120,
    },
    {
      id: 'da-entry-05',
      roleId: 'data-analyst',
      level: 'entry',
      type: 'situational',
      category: 'problem-solving',
      content:
        'A manager asks you for a report by the end of the day, but you notice the data source ' +
        'has gaps for the last week. What do you do?',
      idealAnswer:
        "I'd first quickly size the problem: which tables or dates are affected, whether rows " +
        'are missing or just arriving late, and how much the gaps change the numbers the manager ' +
        "cares about. Then I'd tell the manager early, not at five o'clock, explaining the " +
        'issue in a sentence or two and offering options: deliver on time using data up to the ' +
        'last complete date, deliver with the incomplete week clearly flagged, or wait a day for ' +
        "the data to be fixed. Meanwhile I'd report the gap to whoever owns the pipeline so " +
        "they can investigate. In the report itself, I'd add a visible note about the data " +
        "limitation so nobody makes decisions from a misleading trend. I'd rather deliver " +
        'something slightly narrower and accurate than something that looks complete and is ' +
        'wrong.',
      expectedKeywords: [
        'size',
        'early',
        'options',
        'flagged',
        'pipeline',
        'limitation',
        'accurate',
      ],
      timeLimitSeconds: 120,
    },
    {
      id: 'da-entry-06',
      roleId: 'data-analyst',
      level: 'entry',
      type: 'situational',
      category: 'excel',
      content:
        'You inherit a large Excel workbook that your team uses every week, but it is slow and ' +
        'breaks often. How would you approach it?',
      idealAnswer:
        "Before changing anything, I'd make a backup copy and talk to the people who use it, to " +
        "learn which outputs really matter and what tends to break. Then I'd map the workbook: " +
        'where data comes in, which sheets feed which, and where manual steps happen. Common ' +
        'problems are volatile functions like INDIRECT or OFFSET recalculating constantly, ' +
        'whole-column references, hardcoded values pasted over formulas, and lookups across huge ' +
        "ranges. I'd fix quick wins first, for example replacing nested VLOOKUPs with XLOOKUP " +
        'or INDEX and MATCH, and converting ranges into structured tables. For the repeated ' +
        "copy-and-paste preparation, I'd use Power Query so the import is repeatable. I'd test " +
        "the new version against last week's outputs to confirm identical results and document " +
        "how it works. If it keeps growing, I'd suggest moving the data into a database or BI " +
        'tool.',
      expectedKeywords: [
        'backup',
        'volatile',
        'xlookup',
        'tables',
        'power query',
        'test',
        'document',
      ],
      timeLimitSeconds: 120,
    },
    {
      id: 'da-intermediate-07',
      roleId: 'data-analyst',
      level: 'intermediate',
      type: 'behavioral',
      category: 'communication',
      content:
        'Tell me about a time your analysis led to a conclusion that stakeholders did not want ' +
        'to hear.',
      idealAnswer:
        'At an e-commerce company, the marketing team planned to double spending on a paid ' +
        'social campaign they believed was our best channel. I was asked to confirm its return ' +
        'before the budget meeting. When I built a proper attribution view, I found that most of ' +
        'its conversions came from existing customers who would have bought anyway, so the ' +
        'incremental return was close to zero. My task was to present this without simply ' +
        'telling them they were wrong, and I wanted the key stakeholders to understand the ' +
        'method. I met the channel lead first, walked her through the analysis, and used her ' +
        'suggestion of a holdout test to verify it. A two-week geographic holdout confirmed the ' +
        'finding. The team moved 30 percent of the budget into search and email, and cost per ' +
        'new customer fell 22 percent the next quarter.',
      expectedKeywords: [
        'budget',
        'attribution',
        'incremental',
        'stakeholders',
        'holdout test',
        'cost per new customer',
      ],
      timeLimitSeconds: 150,
    },
    {
      id: 'da-intermediate-08',
      roleId: 'data-analyst',
      level: 'intermediate',
      type: 'behavioral',
      category: 'python',
      content: 'Describe a time you automated a repetitive reporting task. What was the impact?',
      idealAnswer:
        'At my previous job, two analysts spent most of every Monday building the weekly ' +
        'operations report by exporting CSV files from three systems and pasting them into ' +
        'slides. I saw an opportunity, and my manager gave me two sprints to automate it. I ' +
        'wrote a Python script using pandas that pulled the data from our warehouse with SQL, ' +
        'applied the cleaning rules we had documented, and generated the charts. I published the ' +
        'output to a shared dashboard and scheduled it to refresh early every Monday. I also ' +
        'added simple data quality checks so the job alerted us if row counts dropped ' +
        'unexpectedly. The report went from about twelve hours of work a week to under thirty ' +
        'minutes of review, which freed time for deeper analysis, and the copy-and-paste errors ' +
        'we used to find every few weeks disappeared.',
      expectedKeywords: [
        'python',
        'pandas',
        'sql',
        'dashboard',
        'scheduled',
        'data quality',
        'hours',
      ],
      timeLimitSeconds: 150,
    },
    {
      id: 'da-intermediate-09',
      roleId: 'data-analyst',
      level: 'intermediate',
      type: 'technical',
      category: 'sql',
      content:
        "How would you write a query that returns each customer's most recent order? Explain " +
        'your approach.',
      idealAnswer:
        "I'd use a window function, because it's clear and handles ties predictably. In a " +
        "common table expression, I'd select from orders and add ROW_NUMBER() OVER (PARTITION " +
        'BY customer_id ORDER BY order_date DESC, order_id DESC) as rn. Then in the outer query ' +
        "I'd filter where rn equals 1, which gives exactly one row per customer with all the " +
        "order's columns. Adding order_id as a tie-breaker means two orders with the same " +
        'timestamp still return a deterministic result; if I wanted every tied order instead, ' +
        "I'd use RANK. An alternative is to group by customer to get MAX(order_date) and join " +
        'back to orders, but that returns duplicates on ties and needs a second pass over the ' +
        'table. On a large table, an index on customer_id and order_date makes either approach ' +
        'efficient.',
      expectedKeywords: [
        'window function',
        'common table expression',
        'row_number',
        'partition by',
        'tie-breaker',
        'max',
        'index',
      ],
      timeLimitSeconds: 150,
    },
    {
      id: 'da-intermediate-10',
      roleId: 'data-analyst',
      level: 'intermediate',
      type: 'technical',
      category: 'a/b testing',
      content:
        "How would you design and analyze an A/B test for a change to a website's checkout page?",
      idealAnswer:
        "I'd start with a clear hypothesis and one primary metric, for example that a simpler " +
        'checkout increases checkout conversion rate, plus guardrail metrics such as average ' +
        "order value and refund rate. Next I'd run a power analysis using the baseline " +
        'conversion rate and the minimum detectable effect we care about, which gives the sample ' +
        'size and how long the test must run, ideally in full weeks to cover weekly patterns. ' +
        'Users would be randomized at the user level, not per session, so nobody sees both ' +
        "versions. I'd check the split is really even, because a sample ratio mismatch usually " +
        "signals a bug. I wouldn't stop early when results look good, since peeking inflates " +
        "false positives. At the end I'd report the effect with a confidence interval, not just " +
        'a p-value, and look at key segments such as mobile versus desktop.',
      expectedKeywords: [
        'hypothesis',
        'primary metric',
        'guardrail',
        'power analysis',
        'sample size',
        'randomized',
        'peeking',
        'confidence interval',
      ],
      timeLimitSeconds: 150,
    },
    {
      id: 'da-intermediate-11',
      roleId: 'data-analyst',
      level: 'intermediate',
      type: 'situational',
      category: 'communication',
      content:
        'Two departments report different numbers for the same metric, such as monthly active ' +
        'users, and leadership asks which is right. How do you handle it?',
      idealAnswer:
        "I'd treat it as a definitions problem before a data problem. First I'd get both " +
        'queries or reports and compare them line by line: how each defines an active user, ' +
        'which events count, the time zone used, whether test accounts and bots are excluded, ' +
        'and which data source each relies on. Usually one or two of these choices explain the ' +
        "gap. I'd reconcile the numbers by rebuilding both from the same raw data and showing " +
        "exactly how much each rule contributes to the difference. Then I'd bring both teams " +
        'together with the differences laid out and agree on a single definition based on the ' +
        "business question it serves. I'd document it in a shared metrics glossary and build it " +
        'once, in a certified table or semantic layer, so every dashboard uses the same logic ' +
        'from then on.',
      expectedKeywords: [
        'definition',
        'time zone',
        'bots',
        'reconcile',
        'raw data',
        'glossary',
        'semantic layer',
      ],
      timeLimitSeconds: 120,
    },
    {
      id: 'da-intermediate-12',
      roleId: 'data-analyst',
      level: 'intermediate',
      type: 'situational',
      category: 'data visualization',
      content:
        'A stakeholder asks you to build a dashboard with 40 charts on it. How would you respond?',
      idealAnswer:
        "I wouldn't simply refuse, and I wouldn't build all forty either. I'd set up a short " +
        'conversation to understand what decisions they need to make and how often, who will use ' +
        'the dashboard, and which questions come up every week. In my experience most people ' +
        "need a handful of key metrics and a way to drill down when something changes. So I'd " +
        'propose a layered design: a top section with four to six headline KPIs showing trends ' +
        'against targets, then a few supporting charts, with filters or linked detail pages for ' +
        "everything else. I'd build a quick prototype, review it with them, and check usage " +
        'after a month to see which views people actually open. That keeps the dashboard fast ' +
        'and focused, while the detail stays available for the occasional deep dive.',
      expectedKeywords: [
        'decisions',
        'key metrics',
        'drill down',
        'kpis',
        'filters',
        'prototype',
        'usage',
      ],
      timeLimitSeconds: 120,
    },
    {
      id: 'da-senior-13',
      roleId: 'data-analyst',
      level: 'senior',
      type: 'behavioral',
      category: 'data modeling',
      content:
        'Tell me about a time you built or significantly improved the analytics capability of a ' +
        'team or company.',
      idealAnswer:
        'When I joined a growing subscription business as a senior analyst, every team ' +
        'calculated churn differently, and analysts spent most of their time on one-off ' +
        'requests. My task was to make analytics trustworthy and scalable. I interviewed the ' +
        'department heads to find their twenty most important questions, then led the creation ' +
        'of a shared data model in dbt with tested, documented definitions for revenue, churn ' +
        'and activation. I set up an intake process that prioritised requests by business ' +
        'impact, and trained product managers to self-serve common questions in our BI tool. I ' +
        'also hired and mentored two junior analysts. Within nine months, ad hoc requests fell ' +
        'by about 60 percent, metric disputes in leadership meetings essentially stopped, and ' +
        'the team shifted to strategic work, including a pricing study that raised annual ' +
        'revenue by about 8 percent.',
      expectedKeywords: [
        'trustworthy',
        'data model',
        'definitions',
        'intake process',
        'business impact',
        'self-serve',
        'mentored',
      ],
      timeLimitSeconds: 150,
    },
    {
      id: 'da-senior-14',
      roleId: 'data-analyst',
      level: 'senior',
      type: 'behavioral',
      category: 'communication',
      content:
        "Describe a situation where you had to push back on a senior leader's interpretation of " +
        'data.',
      idealAnswer:
        'Our COO showed the board a chart indicating that customers who used our mobile app had ' +
        '35 percent higher retention, and proposed pushing every customer onto the app. I led ' +
        'the analytics team and believed this was selection bias: our most engaged customers ' +
        'were the ones who chose to install it. My task was to correct the interpretation ' +
        'without undermining him publicly. I asked for a private meeting, acknowledged that the ' +
        'pattern was real, and showed a matched comparison that controlled for prior engagement, ' +
        'where the effect shrank to about 4 percent. I proposed a randomized trial of app ' +
        'prompts to measure the causal effect, and he agreed to reframe the plan as an ' +
        'experiment. The trial showed a small but genuine gain, and the company avoided a forced ' +
        'migration that support estimated would have generated thousands of complaints.',
      expectedKeywords: [
        'selection bias',
        'private',
        'matched comparison',
        'randomized',
        'causal',
        'experiment',
      ],
      timeLimitSeconds: 150,
    },
    {
      id: 'da-senior-15',
      roleId: 'data-analyst',
      level: 'senior',
      type: 'technical',
      category: 'statistics',
      content:
        'How would you measure the impact of a change when a randomized experiment is not ' +
        'possible?',
      idealAnswer:
        "I'd pick a quasi-experimental method that fits the situation and be open about its " +
        'assumptions. If the change launched in some regions or stores but not others, ' +
        'difference-in-differences works well: I compare the before-and-after change in the ' +
        'treated group with the change in a similar control group. It relies on the parallel ' +
        "trends assumption, so I'd check pre-launch trends visually. If there are only a few " +
        'treated units, a synthetic control builds a weighted comparison from several untreated ' +
        'ones. If eligibility depends on a threshold, like a credit score cutoff, regression ' +
        'discontinuity compares people just above and below it. For a single nationwide launch, ' +
        'an interrupted time series with seasonality controls is possible but weaker. In every ' +
        "case I'd run placebo tests and sensitivity checks, and present the result as a range " +
        'with caveats rather than one certain number.',
      expectedKeywords: [
        'assumptions',
        'difference-in-differences',
        'control group',
        'parallel trends',
        'synthetic control',
        'regression discontinuity',
        'placebo',
      ],
      timeLimitSeconds: 180,
    },
    {
      id: 'da-senior-16',
      roleId: 'data-analyst',
      level: 'senior',
      type: 'technical',
      category: 'data modeling',
      content:
        'How would you design the data model for a company-wide reporting layer that many teams ' +
        'will rely on?',
      idealAnswer:
        "I'd start from the business processes the company measures, like orders, subscriptions " +
        'and support tickets, and the questions each team asks about them. For reporting I ' +
        'prefer a dimensional model: fact tables at a clearly stated grain, for example one row ' +
        'per order line, surrounded by conformed dimensions such as customer, product and date ' +
        "that every team shares. Slowly changing dimensions keep history, like a customer's " +
        'plan at the time of purchase. Metrics such as revenue and churn are defined once in a ' +
        "semantic layer so dashboards can't drift apart. I'd build it in layers, from raw to " +
        'staged to modelled, with version control, automated tests for uniqueness, nulls and ' +
        'referential integrity, and documentation that names an owner for each table. Finally ' +
        "I'd agree freshness targets and data contracts with upstream engineering so schema " +
        "changes don't silently break reports.",
      expectedKeywords: [
        'fact tables',
        'grain',
        'conformed dimensions',
        'slowly changing',
        'semantic layer',
        'tests',
        'data contracts',
      ],
      timeLimitSeconds: 180,
    },
    {
      id: 'da-senior-17',
      roleId: 'data-analyst',
      level: 'senior',
      type: 'situational',
      category: 'problem-solving',
      content:
        'The executive team wants a single north star metric for the company. How would you help ' +
        'them choose it?',
      idealAnswer:
        "I'd start by clarifying what the metric is for: aligning every team around the value " +
        'customers get, which drives long-term revenue. A good north star reflects customer ' +
        'value, is a leading indicator of revenue rather than revenue itself, can be influenced ' +
        "by several teams, and is hard to game. I'd run a workshop with leaders to list " +
        'candidates, for example weekly active teams for a collaboration tool, then test each ' +
        'one against historical data. Does it predict retention and revenue later on, and does ' +
        "it move when we ship meaningful improvements? I'd also define input metrics that " +
        'individual teams can own and that roll up to the north star, plus guardrail metrics ' +
        'like customer satisfaction, so nobody optimises one number at the expense of the ' +
        "business. Then I'd document the exact definition and review it every year.",
      expectedKeywords: [
        'customer value',
        'leading indicator',
        'game',
        'historical data',
        'retention',
        'input metrics',
        'guardrail',
      ],
      timeLimitSeconds: 120,
    },
    {
      id: 'da-senior-18',
      roleId: 'data-analyst',
      level: 'senior',
      type: 'situational',
      category: 'teamwork',
      content:
        'Your analytics team is overloaded with requests, and stakeholders are frustrated by ' +
        'slow turnaround. What would you change?',
      idealAnswer:
        "I'd start by getting data on our own work: logging every request for two or three " +
        'weeks with who asked, what it was, how long it took, and which decision it supported. ' +
        'That usually shows that many requests are repeated questions and that a small share of ' +
        "the work drives most of the business value. Next I'd introduce a transparent intake " +
        'and prioritisation process, agreed with department heads, that ranks work by impact and ' +
        "urgency, and I'd publish the queue so stakeholders can see where their request stands. " +
        "For the repeated questions, I'd build self-serve dashboards and train people to use " +
        "them. I might also embed analysts with the largest teams so context isn't lost in " +
        "handoffs. Finally I'd protect some capacity for proactive, strategic analysis, and " +
        'track turnaround time and stakeholder satisfaction to check the changes are working.',
      expectedKeywords: [
        'logging',
        'intake',
        'prioritisation',
        'impact',
        'self-serve',
        'embed',
        'satisfaction',
      ],
      timeLimitSeconds: 120,
    },
  ],
};
