import type { StarterRoleBank } from './types';

export const customerSupportBank: StarterRoleBank = {
  role: {
    id: 'customer-support',
    title: 'Customer Support Specialist',
    category: 'Customer Support',
    description:
      'Solves customer problems quickly and kindly, and feeds what they learn back to the product.',
    skillTags: [
      'empathy',
      'de-escalation',
      'troubleshooting',
      'ticketing systems',
      'product knowledge',
      'written communication',
    ],
  },
  questions: [
    {
      id: 'cs-entry-01',
      roleId: 'customer-support',
      level: 'entry',
      type: 'behavioral',
      category: 'empathy',
      content: 'Tell me about a time you helped someone who was frustrated or upset.',
      idealAnswer:
        "While working at my university's IT help desk, a graduate student came in close to " +
        "tears because her laptop wouldn't start and her thesis was due in two days. My task " +
        'was to calm the situation and protect her work. I acknowledged how stressful this was ' +
        'and explained what I would check and how long it would take, so she knew what to ' +
        "expect. The laptop's drive was still readable, so I recovered her thesis files onto a " +
        'loaner machine within forty minutes, and showed her how to turn on automatic cloud ' +
        "backup so it couldn't happen again. I also logged a ticket for the hardware repair and " +
        'kept her updated on it. She submitted her thesis on time and left positive feedback, ' +
        'and my supervisor later used my approach as an example when training new student staff.',
      expectedKeywords: [
        'acknowledged',
        'explained',
        'expect',
        'recovered',
        'backup',
        'ticket',
        'feedback',
      ],
      timeLimitSeconds: 150,
    },
    {
      id: 'cs-entry-02',
      roleId: 'customer-support',
      level: 'entry',
      type: 'behavioral',
      category: 'product knowledge',
      content:
        'Describe a time you had to learn something new quickly in order to help a customer or ' +
        'colleague.',
      idealAnswer:
        'In my first month at a retail electronics store, a customer asked for help setting up a ' +
        'smart home hub we had just started selling, and none of my colleagues on shift knew the ' +
        'product. My task was to help him without guessing. I told him honestly that it was new ' +
        "to me and asked for ten minutes. I read the quick-start guide and the manufacturer's " +
        'troubleshooting page, then set up our demo unit step by step while he watched. When ' +
        'pairing failed, I discovered that the hub needed a firmware update first, which the box ' +
        "didn't mention. He left with a working setup, and I turned my notes into a one-page " +
        'guide for the team. Over the next two months, returns of that hub at our store were ' +
        'about half the regional average.',
      expectedKeywords: [
        'honestly',
        'quick-start guide',
        'troubleshooting',
        'step by step',
        'firmware',
        'guide',
        'returns',
      ],
      timeLimitSeconds: 150,
    },
    {
      id: 'cs-entry-03',
      roleId: 'customer-support',
      level: 'entry',
      type: 'technical',
      category: 'troubleshooting',
      content:
        'A customer says they cannot log in to their account. Walk me through how you would ' +
        'troubleshoot it.',
      idealAnswer:
        "I'd start by gathering details instead of guessing: what exactly happens, the exact " +
        'error message, their device and browser or app version, and when it last worked. After ' +
        "verifying their identity according to our policy, I'd check the account in our admin " +
        'tools. Is it active, locked after too many failed attempts, or suspended, and does the ' +
        "email on file match what they're typing? Then I'd work through the common causes in " +
        "order: a forgotten or expired password, where I'd guide them through a password reset; " +
        "a verification email landing in spam; two-factor codes failing because the phone's " +
        'clock is wrong; or browser problems, where clearing the cache or trying a private ' +
        "window helps. I'd also check our status page for an outage. If none of that works, " +
        "I'd document everything I've tried and escalate to the technical team.",
      expectedKeywords: [
        'error message',
        'verifying',
        'locked',
        'password reset',
        'two-factor',
        'status page',
        'escalate',
      ],
      timeLimitSeconds: 120,
    },
    {
      id: 'cs-entry-04',
      roleId: 'customer-support',
      level: 'entry',
      type: 'technical',
      category: 'written communication',
      content: 'What makes a good written reply to a customer support ticket?',
      idealAnswer:
        'A good reply solves the problem in as few back-and-forth messages as possible while ' +
        "still sounding like a real person. I start by using the customer's name and briefly " +
        "acknowledging their issue, so they know I've actually read it. Then I answer the " +
        'question directly near the top, rather than burying it under pleasantries. If there are ' +
        'steps to follow, I use a short numbered list with one action per step, and add a ' +
        'screenshot or a link to a help article where that helps. I avoid jargon and internal ' +
        "terms, and I match the customer's tone: concise for a quick question, warmer for " +
        'someone who is frustrated. I set clear expectations about what happens next and when, ' +
        'and I invite them to reply if anything is unclear. Before sending, I reread it from the ' +
        "customer's point of view and check for typos.",
      expectedKeywords: [
        'acknowledging',
        'directly',
        'numbered list',
        'help article',
        'jargon',
        'tone',
        'expectations',
      ],
      timeLimitSeconds: 120,
    },
    {
      id: 'cs-entry-05',
      roleId: 'customer-support',
      level: 'entry',
      type: 'situational',
      category: 'de-escalation',
      content:
        'A customer is shouting at you on the phone about a mistake that was not your fault. How ' +
        'do you handle it?',
      idealAnswer:
        "I'd stay calm and not take it personally, because the customer is angry at the " +
        "situation, not at me. I'd let them finish without interrupting, since being cut off " +
        "usually makes people angrier. Then I'd acknowledge their feelings and the impact, for " +
        "example by saying I can hear this has caused real trouble and I'm sorry it happened. I " +
        "wouldn't argue about whose fault it was; to the customer, I am the company. I'd " +
        'summarise the problem to show I understood it, then focus on what I can do right now ' +
        "and give a clear next step with a timeframe. If the customer became abusive, I'd " +
        'calmly set a boundary and follow our policy, which might mean offering a call back. ' +
        "Afterwards I'd log the details so the original mistake can be fixed at its source.",
      expectedKeywords: [
        'calm',
        'interrupting',
        'acknowledge',
        'summarise',
        'next step',
        'boundary',
        'policy',
      ],
      timeLimitSeconds: 120,
    },
    {
      id: 'cs-entry-06',
      roleId: 'customer-support',
      level: 'entry',
      type: 'situational',
      category: 'ticketing systems',
      content:
        'You come back from a day off to a queue of 80 tickets. How do you decide what to handle ' +
        'first?',
      idealAnswer:
        "I'd spend the first few minutes triaging rather than simply starting at the top. I'd " +
        'scan the queue for urgency and impact: outages, security or payment problems, and ' +
        "customers who can't use the product at all come first, along with anything close to " +
        "breaching our SLA. I'd use the ticketing system's filters and tags to group similar " +
        'tickets, because if twenty people report the same bug, I can link them to one incident, ' +
        'send a consistent update, and perhaps use a macro. Quick questions that take a minute ' +
        "each I'd batch together, which shrinks the queue fast and gives many customers an " +
        "answer quickly. I'd also check for follow-ups I had personally promised. If the volume " +
        "looks unmanageable, I'd tell my team lead early so we can share the load.",
      expectedKeywords: [
        'triaging',
        'urgency',
        'impact',
        'sla',
        'filters',
        'macro',
        'batch',
        'team lead',
      ],
      timeLimitSeconds: 120,
    },
    {
      id: 'cs-intermediate-07',
      roleId: 'customer-support',
      level: 'intermediate',
      type: 'behavioral',
      category: 'product knowledge',
      content:
        'Tell me about a time you identified a recurring customer problem and helped get it fixed.',
      idealAnswer:
        'At a software company, I noticed I was handling several tickets a week from customers ' +
        'who had been charged twice after updating their card. Each case was solvable with a ' +
        'refund, but I saw my task as stopping the problem at its source. I tagged every related ' +
        'ticket for a month and found 64 cases, which cost the team about eleven hours and a lot ' +
        'of customer goodwill. I wrote a short report with examples, steps to reproduce and the ' +
        'volume trend, and shared it with the product manager responsible for billing. ' +
        'Engineering found a retry bug in the payment flow and fixed it within the sprint. ' +
        'Duplicate-charge tickets dropped to almost zero, and I wrote a tagging guide so the ' +
        'team could spot other recurring issues the same way.',
      expectedKeywords: [
        'source',
        'tagged',
        'report',
        'steps to reproduce',
        'product manager',
        'engineering',
        'recurring',
      ],
      timeLimitSeconds: 150,
    },
    {
      id: 'cs-intermediate-08',
      roleId: 'customer-support',
      level: 'intermediate',
      type: 'behavioral',
      category: 'de-escalation',
      content: 'Describe a time you turned an unhappy customer into a satisfied one.',
      idealAnswer:
        'At a meal-kit company, a long-time customer emailed to cancel after receiving spoiled ' +
        'ingredients twice in one month, and she had also posted about it publicly. My task was ' +
        'to resolve her issue and, if possible, keep her as a customer. I called her instead of ' +
        'replying by email, apologised without making excuses, and listened to the whole story. ' +
        'I refunded both boxes immediately. Rather than offering a generic discount, I checked ' +
        'her delivery data to find the root cause and saw that both boxes had sat in a depot ' +
        'over a weekend. I moved her to a different delivery day, flagged the depot issue to ' +
        'operations, and followed up personally after her next delivery. She stayed, updated her ' +
        'public post to praise the response, and was still a customer a year later, and ' +
        "operations changed that depot's weekend process.",
      expectedKeywords: [
        'apologised',
        'listened',
        'refunded',
        'root cause',
        'operations',
        'followed up',
      ],
      timeLimitSeconds: 150,
    },
    {
      id: 'cs-intermediate-09',
      roleId: 'customer-support',
      level: 'intermediate',
      type: 'technical',
      category: 'troubleshooting',
      content:
        'A customer reports that a feature is broken, but you cannot reproduce the problem. What ' +
        'do you do?',
      idealAnswer:
        "I'd assume the customer is seeing something real, and that the difference lies in " +
        "their environment or steps. I'd ask targeted questions: the exact steps, what they " +
        'expected versus what happened, their device, browser or app version, their account type ' +
        "and permissions, and a screenshot or screen recording if possible. Then I'd match " +
        'their setup as closely as I can, for example the same browser version, the same plan, ' +
        "or a test account with similar settings and data. I'd check logs or admin tools for " +
        'errors around the time they reported it, and search for similar tickets, which can ' +
        "reveal a pattern such as one region or one version. If I still can't reproduce it, " +
        "I'd escalate to engineering with everything I've gathered, set clear expectations " +
        'with the customer, keep them updated, and offer a workaround in the meantime.',
      expectedKeywords: [
        'environment',
        'steps',
        'screen recording',
        'version',
        'logs',
        'similar tickets',
        'escalate',
        'workaround',
      ],
      timeLimitSeconds: 150,
    },
    {
      id: 'cs-intermediate-10',
      roleId: 'customer-support',
      level: 'intermediate',
      type: 'technical',
      category: 'ticketing systems',
      content:
        "How would you use data from a ticketing system to improve a support team's performance?",
      idealAnswer:
        "I'd look at a few core metrics together, because any single one can be gamed. First " +
        'response time and resolution time show speed, customer satisfaction shows quality, and ' +
        "reopen rate shows whether we really solved the problem. Then I'd look at ticket volume " +
        'by category or tag, which tells me what customers struggle with. If a handful of topics ' +
        'drive most of the volume, I can target them: improve the help articles, create macros ' +
        "for consistent answers, or send the patterns to the product team. I'd also break the " +
        'data down by channel, time of day and agent to spot staffing gaps or training needs, ' +
        "always using it to coach rather than punish. Finally, I'd make sure tagging is " +
        "consistent, since the analysis is only as good as the data, and I'd review the trends " +
        'with the team every month.',
      expectedKeywords: [
        'first response time',
        'resolution time',
        'customer satisfaction',
        'reopen rate',
        'tag',
        'macros',
        'staffing',
        'coach',
      ],
      timeLimitSeconds: 150,
    },
    {
      id: 'cs-intermediate-11',
      roleId: 'customer-support',
      level: 'intermediate',
      type: 'situational',
      category: 'problem-solving',
      content:
        'A customer asks for a refund that falls outside company policy, but they seem to have a ' +
        'genuine reason. What do you do?',
      idealAnswer:
        "I'd first make sure I fully understand their situation and check the account history: " +
        "how long they've been a customer, whether this has happened before, and whether " +
        'anything on our side contributed, like a confusing billing email. Policies exist for ' +
        "good reasons, but they can't anticipate every case. If I have discretion within our " +
        "guidelines, I'd use it when the reason is genuine, the amount is reasonable and the " +
        "relationship justifies it. If I don't, I wouldn't promise anything; I'd tell the " +
        "customer I'm requesting an exception and escalate to my team lead with a short summary " +
        "and my recommendation. If the answer is no, I'd explain it honestly and offer what I " +
        "can, such as account credit or a downgrade. Either way I'd log the case, because " +
        'repeated exceptions suggest the policy itself needs updating.',
      expectedKeywords: [
        'account history',
        'policy',
        'discretion',
        'exception',
        'escalate',
        'honestly',
        'credit',
      ],
      timeLimitSeconds: 120,
    },
    {
      id: 'cs-intermediate-12',
      roleId: 'customer-support',
      level: 'intermediate',
      type: 'situational',
      category: 'written communication',
      content:
        'There is a major outage, and hundreds of customers are contacting support at once. What ' +
        'do you do?',
      idealAnswer:
        "First I'd confirm the incident with engineering or in the incident channel, so we know " +
        "the scope and get updates straight from the source. Then I'd help make our " +
        'communication scale: a clear message on the status page and a banner or auto-reply in ' +
        "our support channels, acknowledging the problem, what's affected and when the next " +
        "update will come, even if we don't know the fix time yet. In the ticketing system I'd " +
        'tag all related tickets and link them to the incident, and use an approved macro so ' +
        "every agent gives consistent answers. I'd prioritise customers whose business is most " +
        "affected. I'd keep updates regular and honest. Once it's resolved, I'd send a " +
        'follow-up to all affected customers and contribute support insights to the postmortem, ' +
        'such as which messages caused confusion.',
      expectedKeywords: [
        'incident',
        'status page',
        'auto-reply',
        'tag',
        'macro',
        'consistent',
        'follow-up',
        'postmortem',
      ],
      timeLimitSeconds: 120,
    },
    {
      id: 'cs-senior-13',
      roleId: 'customer-support',
      level: 'senior',
      type: 'behavioral',
      category: 'ticketing systems',
      content:
        'Tell me about a time you led a significant improvement to a support team or process.',
      idealAnswer:
        'As support team lead at a subscription software company, our customer satisfaction had ' +
        'fallen to 78 percent and first response time had grown to 30 hours as ticket volume ' +
        'increased. My task was to turn this around without adding headcount that year. I ' +
        'analysed our tickets and found that 40 percent were about five topics, and that every ' +
        'agent handled every type of ticket. I introduced tiered support: a first-line team ' +
        'handling common questions with improved macros, and specialists for billing and ' +
        'technical issues. We rewrote the top twenty help articles and added in-app links to ' +
        'them, and I worked with product to fix two confusing features. Over six months, ticket ' +
        'volume fell by 25 percent, first response time dropped to under six hours, and ' +
        'satisfaction rose to 91 percent.',
      expectedKeywords: [
        'analysed',
        'tiered support',
        'macros',
        'specialists',
        'help articles',
        'product',
        'first response time',
      ],
      timeLimitSeconds: 150,
    },
    {
      id: 'cs-senior-14',
      roleId: 'customer-support',
      level: 'senior',
      type: 'behavioral',
      category: 'teamwork',
      content: 'Describe a time you coached a struggling team member to improve their performance.',
      idealAnswer:
        'One of my agents had satisfaction scores around 70 percent, well below the team average ' +
        'of 90, and customer comments often mentioned curt replies. As his team lead, my task ' +
        'was to help him improve and to understand whether the issue was skill or something ' +
        'else. In a one-on-one, I reviewed a sample of his tickets with him and asked him to ' +
        'rate them himself first, which made it a joint discussion rather than criticism. It ' +
        'turned out he was rushing because he felt pressure from his queue numbers. We agreed he ' +
        'would focus on quality over speed for a month, I shared examples of strong replies, and ' +
        'he spent time shadowing a top agent. We reviewed progress weekly. After two months his ' +
        'satisfaction reached 89 percent with almost no change in handling time, and he later ' +
        'became a mentor for new hires.',
      expectedKeywords: [
        'one-on-one',
        'sample',
        'quality',
        'examples',
        'shadow',
        'progress',
        'satisfaction',
      ],
      timeLimitSeconds: 150,
    },
    {
      id: 'cs-senior-15',
      roleId: 'customer-support',
      level: 'senior',
      type: 'technical',
      category: 'ticketing systems',
      content:
        'How would you design a support model for a company expanding from one country to ' +
        'customers worldwide?',
      idealAnswer:
        "I'd start from the customers: which regions, languages and channels they use, what " +
        "they expect, and the service levels our plans promise. Then I'd choose a coverage " +
        'model. Follow-the-sun, with teams in a few time zones handing queues to each other, ' +
        'gives round-the-clock coverage without night shifts, but it needs disciplined handoffs ' +
        "in the ticketing system. For languages, I'd hire native speakers for the biggest " +
        'markets and use machine translation with review for smaller ones. A strong, localised ' +
        "and searchable knowledge base reduces volume everywhere. I'd decide what to keep " +
        'in-house versus outsource, keeping complex or high-value work in-house. Routing rules ' +
        'would send tickets by language, product and priority, with region-specific SLAs. ' +
        "Finally, I'd check local data privacy rules and track satisfaction and resolution " +
        'metrics per region, adjusting as we learn.',
      expectedKeywords: [
        'channels',
        'follow-the-sun',
        'time zones',
        'handoffs',
        'knowledge base',
        'outsource',
        'routing',
        'sla',
      ],
      timeLimitSeconds: 180,
    },
    {
      id: 'cs-senior-16',
      roleId: 'customer-support',
      level: 'senior',
      type: 'technical',
      category: 'product knowledge',
      content:
        'How would you build a strong feedback loop between the support team and the product team?',
      idealAnswer:
        "Support hears about problems first, so I'd make that insight structured and trusted. " +
        'It starts with consistent tagging: a shared taxonomy of feature areas and problem ' +
        "types, so tickets can be counted reliably. Each month I'd send product a short report " +
        'with the top issues by volume and trend, the accounts or revenue affected, and real ' +
        "customer quotes, because numbers combined with voices are persuasive. I'd agree on a " +
        'process with product: a single intake for bugs and feature requests, a named owner on ' +
        'their side, clear severity definitions, and a commitment to respond with a decision. ' +
        'Linking tickets to engineering issues lets us tell customers when a fix ships, which ' +
        "closes the loop with them too. I'd also invite product managers to shadow support. " +
        'Success means fewer repeat tickets after fixes and support data cited in roadmap ' +
        'decisions.',
      expectedKeywords: [
        'tagging',
        'taxonomy',
        'report',
        'customer quotes',
        'intake',
        'severity',
        'closes the loop',
        'roadmap',
      ],
      timeLimitSeconds: 180,
    },
    {
      id: 'cs-senior-17',
      roleId: 'customer-support',
      level: 'senior',
      type: 'situational',
      category: 'problem-solving',
      content:
        'Leadership wants to cut support costs by 20 percent by replacing agents with a chatbot. ' +
        'How would you respond?',
      idealAnswer:
        "I'd support the goal of efficiency but push for a plan based on data rather than a " +
        "headcount number. First I'd analyse our tickets to see which types are simple, " +
        'repetitive and well documented, like password resets or order status, because those ' +
        'suit automation, and which need judgement or empathy, like billing disputes or ' +
        "cancellations. I'd propose a phased rollout: launch the chatbot on the simple topics " +
        'first, always with an easy handoff to a human, and measure containment rate, customer ' +
        'satisfaction and repeat contacts. A bot that traps customers often raises costs through ' +
        "churn and escalations. I'd also show other savings, like improving the knowledge base " +
        'and fixing the product issues behind our top contact reasons. If the pilot proves the ' +
        'savings, we can slow hiring or retrain agents for complex work instead of cutting ' +
        'service quality in a hurry.',
      expectedKeywords: [
        'data',
        'repetitive',
        'empathy',
        'phased',
        'handoff',
        'containment rate',
        'customer satisfaction',
        'knowledge base',
      ],
      timeLimitSeconds: 120,
    },
    {
      id: 'cs-senior-18',
      roleId: 'customer-support',
      level: 'senior',
      type: 'situational',
      category: 'teamwork',
      content:
        "Your support team's morale is low after months of high ticket volume. What would you " +
        'do as their leader?',
      idealAnswer:
        "I'd start by listening: one-on-ones and an anonymous survey to find out what's " +
        "draining people most, whether that's workload, repetitive tickets, abusive customers " +
        "or feeling unheard. Then I'd act quickly on a few visible things to rebuild trust. On " +
        "workload, I'd look for ways to reduce volume, such as better macros and help articles " +
        'for the top contact reasons, and push the product team to fix the issues creating them. ' +
        "I'd review schedules so people get focus time away from the live queue, and make sure " +
        "breaks really happen. I'd offer variety and growth too, like owning an area of the " +
        "knowledge base or mentoring new hires. Recognition matters, so I'd share great " +
        "customer feedback in team meetings. If the data shows we're under-resourced, I'd make " +
        "the case to leadership for more headcount, and I'd track morale and attrition over " +
        'time.',
      expectedKeywords: [
        'listening',
        'anonymous survey',
        'trust',
        'workload',
        'macros',
        'recognition',
        'headcount',
        'attrition',
      ],
      timeLimitSeconds: 120,
    },
  ],
};
