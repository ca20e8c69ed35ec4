import type { StarterRoleBank } from './types';

export const uxDesignerBank: StarterRoleBank = {
  role: {
    id: 'ux-designer',
    title: 'UX Designer',
    category: 'Design',
    description:
      'Researches what people need and designs clear, usable and accessible experiences.',
    skillTags: [
      'user research',
      'wireframing',
      'prototyping',
      'usability testing',
      'accessibility',
      'design systems',
      'interaction design',
    ],
  },
  questions: [
    {
      id: 'ux-entry-01',
      roleId: 'ux-designer',
      level: 'entry',
      type: 'behavioral',
      category: 'communication',
      content:
        'Tell me about a time you received critical feedback on your design. How did you respond?',
      idealAnswer:
        'For my design bootcamp capstone, I designed a mobile app for booking community sports ' +
        'courts, and at the midpoint critique a mentor said my booking flow was confusing and ' +
        'visually overloaded. My first instinct was to defend it, but my task was to improve the ' +
        'design before the final presentation. I asked specific follow-up questions to ' +
        'understand where she got lost, then ran quick usability tests of my prototype with five ' +
        'classmates. Three of them stalled on the same screen, where I had combined date, time ' +
        'and court selection. I split that screen into three clear steps and reduced the palette ' +
        'to a single accent colour. In the second round of testing, all five completed a ' +
        'booking, the average time dropped from about two minutes to forty seconds, and my ' +
        'capstone was selected for the showcase.',
      expectedKeywords: [
        'critique',
        'follow-up questions',
        'usability tests',
        'prototype',
        'steps',
        'testing',
      ],
      timeLimitSeconds: 150,
    },
    {
      id: 'ux-entry-02',
      roleId: 'ux-designer',
      level: 'entry',
      type: 'behavioral',
      category: 'teamwork',
      content: 'Describe a time you worked closely with developers to bring a design to life.',
      idealAnswer:
        'During my internship at a fintech startup, I designed a new onboarding flow, and the ' +
        'engineers building it warned that some animations and custom components would take too ' +
        'long. My task was to keep the experience intact while fitting into a two-week sprint. I ' +
        'sat with the frontend developer for an afternoon to understand which parts were costly, ' +
        'and we agreed to reuse existing components from the design system for the form fields ' +
        'and keep only one key animation. I then updated the Figma file with clear annotations ' +
        'for every state, such as error, loading and empty, so nothing was left to guesswork. We ' +
        'shipped on schedule, and the developer told me the annotated states cut his ' +
        'back-and-forth questions to almost none. Onboarding completion rose by 12 percent in ' +
        'the first month.',
      expectedKeywords: [
        'engineers',
        'sprint',
        'design system',
        'figma',
        'annotations',
        'states',
        'completion',
      ],
      timeLimitSeconds: 150,
    },
    {
      id: 'ux-entry-03',
      roleId: 'ux-designer',
      level: 'entry',
      type: 'technical',
      category: 'usability testing',
      content: 'How would you plan and run a simple usability test for a new feature?',
      idealAnswer:
        "I'd begin with what we need to learn, for example whether first-time users can set up " +
        "a recurring payment without help. From that I'd write three to five realistic tasks " +
        "framed as scenarios, worded so they don't give away the labels on the screen. I'd " +
        'recruit about five participants who match our target users, since a small group usually ' +
        "reveals the main issues. During each session I'd ask them to think aloud, stay " +
        'neutral, avoid leading questions, and note where they hesitate, make errors or succeed. ' +
        "I'd record task success, time on task and a quick satisfaction rating. Afterwards I'd " +
        'group the findings by severity and frequency, share a short summary with video clips, ' +
        "and recommend the top changes. Then we'd fix the biggest problems and test again, " +
        'because usability testing works best as a repeated loop.',
      expectedKeywords: [
        'tasks',
        'scenarios',
        'participants',
        'think aloud',
        'leading questions',
        'task success',
        'severity',
      ],
      timeLimitSeconds: 120,
    },
    {
      id: 'ux-entry-04',
      roleId: 'ux-designer',
      level: 'entry',
      type: 'technical',
      category: 'accessibility',
      content: 'What are the key things you check to make sure a design is accessible?',
      idealAnswer:
        'I design to the WCAG guidelines, and some checks are part of everything I do. Text ' +
        'contrast should be at least 4.5 to 1 for normal text, and I never rely on colour alone ' +
        'to convey meaning, so an error also gets an icon and a message. Every interactive ' +
        'element must be reachable and usable with a keyboard, with a visible focus state and a ' +
        'logical order. Touch targets need to be large enough, around 44 pixels. Images need ' +
        'alternative text, and form fields need visible labels rather than just placeholder ' +
        'text. I use a clear heading structure so screen reader users can navigate, make sure ' +
        'layouts still work when text is enlarged to 200 percent, and respect reduced motion ' +
        'settings. Beyond checklists, I try to include people with disabilities in testing, ' +
        'because they find problems that guidelines miss.',
      expectedKeywords: [
        'wcag',
        'contrast',
        'keyboard',
        'focus',
        'alternative text',
        'labels',
        'screen reader',
      ],
      timeLimitSeconds: 120,
    },
    {
      id: 'ux-entry-05',
      roleId: 'ux-designer',
      level: 'entry',
      type: 'situational',
      category: 'problem-solving',
      content:
        'A stakeholder asks you to make a button pop more, but you think the real problem is ' +
        'somewhere else. What do you do?',
      idealAnswer:
        "I'd treat the request as a symptom worth understanding. I'd ask what makes them feel " +
        'the button needs to pop: are users not clicking it, or is it an impression from ' +
        "reviewing the screen? If there's data, like a low click rate, I'd look at the wider " +
        'context. Maybe the page has competing calls to action, the copy is unclear, or users ' +
        "don't yet have the information they need to take that step. I'd share my hypothesis " +
        'and propose a quick way to check it, such as watching session recordings or running a ' +
        "small usability test. If it helps the conversation, I'd mock up two versions, one with " +
        'a bolder button and one that addresses the underlying issue, so we can compare them. ' +
        'That keeps the discussion focused on user behaviour and outcomes rather than personal ' +
        'taste.',
      expectedKeywords: [
        'ask',
        'data',
        'context',
        'hypothesis',
        'usability test',
        'underlying',
        'outcomes',
      ],
      timeLimitSeconds: 120,
    },
    {
      id: 'ux-entry-06',
      roleId: 'ux-designer',
      level: 'entry',
      type: 'situational',
      category: 'prototyping',
      content: 'You have only two days to design a new sign-up screen. How would you use the time?',
      idealAnswer:
        "With two days, I'd keep the process lean without skipping the thinking. On the first " +
        "morning, I'd clarify the goal and constraints with the product manager: what " +
        "information we must collect, any legal requirements, and how we'll measure success, " +
        "such as sign-up completion. I'd quickly review our analytics and look at a few good " +
        "patterns in other products. Then I'd sketch several options on paper, pick the " +
        'strongest, and build a clickable prototype in Figma using existing design system ' +
        "components, which also makes it faster for engineering to build. On the second day I'd " +
        'run a handful of quick usability tests, even with colleagues outside the team, and ' +
        "refine the design. I'd finish with a clear handoff that covers states like errors and " +
        "loading, and note what I'd want to test further after launch.",
      expectedKeywords: [
        'goal',
        'constraints',
        'sketch',
        'prototype',
        'design system',
        'usability tests',
        'handoff',
      ],
      timeLimitSeconds: 120,
    },
    {
      id: 'ux-intermediate-07',
      roleId: 'ux-designer',
      level: 'intermediate',
      type: 'behavioral',
      category: 'user research',
      content: 'Tell me about a time user research changed the direction of a project.',
      idealAnswer:
        'At a healthcare scheduling company, we planned to redesign our patient app around new ' +
        'video appointments, assuming patients wanted more features. I was the lead designer, ' +
        'and my task was to design the new flow. Before starting, I proposed a week of research: ' +
        'I interviewed twelve patients and shadowed two clinic receptionists. We learned the ' +
        "biggest pain point wasn't missing features but rescheduling. Patients phoned the " +
        'clinic because rescheduling in the app took seven steps, and receptionists spent hours ' +
        'a day on those calls. I shared the findings using a journey map and short video clips, ' +
        'and the product manager agreed to prioritise a one-tap reschedule flow first. After ' +
        'launch, rescheduling calls to clinics dropped by 40 percent, and our app store rating ' +
        'rose from 3.6 to 4.3.',
      expectedKeywords: [
        'interviewed',
        'shadowed',
        'pain point',
        'findings',
        'journey map',
        'prioritise',
        'calls',
      ],
      timeLimitSeconds: 150,
    },
    {
      id: 'ux-intermediate-08',
      roleId: 'ux-designer',
      level: 'intermediate',
      type: 'behavioral',
      category: 'design systems',
      content: "Describe a time you improved consistency across a product's design.",
      idealAnswer:
        'At a SaaS company, our product had grown through several teams, and we ended up with ' +
        'seven different button styles and three date pickers. Designers kept recreating ' +
        'components, and engineers rebuilt them each time. I volunteered to lead a design system ' +
        'effort with one engineer. First I audited the product with screenshots that made the ' +
        'inconsistency obvious, which quickly convinced leadership. We defined design tokens for ' +
        'colour, spacing and typography, then built the ten most used components in both Figma ' +
        'and code, with documentation on usage and accessibility. I ran workshops for designers ' +
        'and set up a contribution process so teams could propose new components. Within six ' +
        'months, 80 percent of screens used shared components, design-to-development time for ' +
        'new features fell by roughly 30 percent, and accessibility bugs dropped noticeably.',
      expectedKeywords: [
        'audited',
        'design tokens',
        'components',
        'documentation',
        'accessibility',
        'contribution process',
      ],
      timeLimitSeconds: 150,
    },
    {
      id: 'ux-intermediate-09',
      roleId: 'ux-designer',
      level: 'intermediate',
      type: 'technical',
      category: 'interaction design',
      content:
        'How do you design a complex form so that people can complete it with as few errors as ' +
        'possible?',
      idealAnswer:
        "I start by questioning every field: if we don't truly need it, it goes, because each " +
        'one costs the user effort. I group related fields into logical sections, and for long ' +
        'forms I use steps with a progress indicator. Labels sit above the fields and stay ' +
        'visible, with hints that explain formats before people make mistakes. I choose input ' +
        'types carefully, for example a numeric keyboard for card numbers, and use sensible ' +
        'defaults where we can predict the answer. For validation, I check a field when the user ' +
        'leaves it rather than on every keystroke, and error messages explain what went wrong ' +
        'and how to fix it, right next to the field. I keep entered data if submission fails, ' +
        'support autofill, and make the form fully usable with a keyboard and screen reader. ' +
        'Then I test it with real users and watch where errors happen.',
      expectedKeywords: [
        'field',
        'progress indicator',
        'labels',
        'defaults',
        'validation',
        'error messages',
        'autofill',
      ],
      timeLimitSeconds: 150,
    },
    {
      id: 'ux-intermediate-10',
      roleId: 'ux-designer',
      level: 'intermediate',
      type: 'technical',
      category: 'user research',
      content: 'How do you choose which research method to use for a design question?',
      idealAnswer:
        'I start with the question and the decision it needs to inform, then pick a method that ' +
        'fits. I think along two axes: whether I need to understand what people do or what they ' +
        'say, and whether I need qualitative depth or quantitative scale. Early on, when we ' +
        "don't understand the problem yet, I use generative methods like contextual inquiry and " +
        'interviews. To evaluate a design, I use usability testing, moderated for depth or ' +
        'unmoderated for speed. To learn how often something happens or to compare options at ' +
        'scale, I use analytics, surveys or A/B tests. For information architecture, card ' +
        'sorting and tree testing work well. Practical constraints matter too: timeline, budget ' +
        'and access to users. I often combine methods, for instance using analytics to find ' +
        'where users drop off, then interviews to understand why.',
      expectedKeywords: [
        'decision',
        'qualitative',
        'quantitative',
        'interviews',
        'usability testing',
        'surveys',
        'card sorting',
      ],
      timeLimitSeconds: 150,
    },
    {
      id: 'ux-intermediate-11',
      roleId: 'ux-designer',
      level: 'intermediate',
      type: 'situational',
      category: 'teamwork',
      content:
        'A developer tells you your design is too complex to build in the time available. How do ' +
        'you respond?',
      idealAnswer:
        "I'd see it as useful information rather than a rejection. I'd ask them to walk me " +
        'through which parts are expensive and why, because sometimes a small visual detail ' +
        "causes most of the effort, and sometimes it's a whole interaction. Then I'd separate " +
        'what is essential to the user experience from what is nice to have, based on our ' +
        'research and the goal of the feature. Together we might find alternatives, such as ' +
        'using existing components from the design system, simplifying an animation, or phasing ' +
        "the work so a solid first version ships now and enhancements follow later. I'd update " +
        "the design and document what was deferred so it isn't lost. Going forward, I'd " +
        'involve engineers earlier in the process, so feasibility is discussed during ' +
        'exploration rather than at handoff.',
      expectedKeywords: [
        'expensive',
        'essential',
        'nice to have',
        'alternatives',
        'design system',
        'phasing',
        'earlier',
      ],
      timeLimitSeconds: 120,
    },
    {
      id: 'ux-intermediate-12',
      roleId: 'ux-designer',
      level: 'intermediate',
      type: 'situational',
      category: 'accessibility',
      content:
        'Just before launch, you discover that a key flow cannot be completed with a screen ' +
        'reader. What do you do?',
      idealAnswer:
        "I'd first assess severity: if blind users can't complete a core task like sign-up or " +
        "checkout, that's a blocking issue, both ethically and often legally. I'd document the " +
        'specific problems, such as unlabelled buttons, focus jumping unexpectedly, or a custom ' +
        "dropdown that isn't announced, and share them with the team and the product manager " +
        'along with a recommendation. Many fixes are quick, like adding labels, ARIA attributes, ' +
        "proper headings and focus management, so I'd pair with engineers to estimate them. If " +
        'the fixes fit the timeline, we fix them and retest with a screen reader before launch. ' +
        "If not, I'd argue for delaying that flow or providing an accessible alternative, " +
        "rather than launching something that excludes people. Afterwards I'd push to add " +
        'accessibility checks to our definition of done and our design reviews so issues are ' +
        'caught earlier.',
      expectedKeywords: [
        'severity',
        'screen reader',
        'labels',
        'aria',
        'focus',
        'retest',
        'definition of done',
      ],
      timeLimitSeconds: 120,
    },
    {
      id: 'ux-senior-13',
      roleId: 'ux-designer',
      level: 'senior',
      type: 'behavioral',
      category: 'teamwork',
      content: 'Tell me about a time you raised the level of design maturity in an organization.',
      idealAnswer:
        'When I joined a logistics software company as its first senior designer, design was ' +
        'seen as making screens look nice at the end of the process. My task was to make design ' +
        'a real partner in deciding what to build. I started with one highly visible problem, a ' +
        'dispatcher dashboard with high error rates, and ran research with dispatchers, inviting ' +
        'product managers and engineers to observe the sessions. The redesign cut dispatch ' +
        'errors by 35 percent, and I shared that story widely. Using that credibility, I ' +
        'introduced a lightweight discovery process, a shared research repository and regular ' +
        'design critiques open to everyone. I also hired and mentored two designers. Within ' +
        'eighteen months, every product squad involved design from discovery onwards, and our ' +
        'customer satisfaction score rose by 14 points.',
      expectedKeywords: [
        'research',
        'observe',
        'errors',
        'discovery',
        'research repository',
        'critiques',
        'mentored',
      ],
      timeLimitSeconds: 150,
    },
    {
      id: 'ux-senior-14',
      roleId: 'ux-designer',
      level: 'senior',
      type: 'behavioral',
      category: 'communication',
      content: 'Describe a time you had to defend a design decision to senior leadership.',
      idealAnswer:
        'At an e-commerce company, the CEO wanted a full-screen discount pop-up to appear as ' +
        "soon as visitors landed, inspired by a competitor's site. As design lead, I believed " +
        'it would damage first impressions and the mobile experience, and it raised ' +
        'accessibility concerns. My task was to influence the decision without simply opposing ' +
        'the CEO. I acknowledged his goal, growing the email list, and proposed testing two ' +
        'alternatives against his version: a delayed, less intrusive banner and an offer shown ' +
        'at checkout. We agreed success metrics upfront: sign-ups, bounce rate and revenue per ' +
        'visitor. The test ran for three weeks. The pop-up collected the most emails but ' +
        'increased mobile bounce rate by 18 percent, while the delayed banner delivered 80 ' +
        'percent of the sign-ups with no loss in revenue. We shipped the banner.',
      expectedKeywords: [
        'goal',
        'alternatives',
        'test',
        'success metrics',
        'bounce rate',
        'revenue',
        'accessibility',
      ],
      timeLimitSeconds: 150,
    },
    {
      id: 'ux-senior-15',
      roleId: 'ux-designer',
      level: 'senior',
      type: 'technical',
      category: 'design systems',
      content:
        'How would you set up and govern a design system that is used by many product teams?',
      idealAnswer:
        "I'd treat the design system as a product with its own users, roadmap and metrics. " +
        'Foundations come first: design tokens for colour, typography, spacing and motion, kept ' +
        "in sync between design tools and code so there's a single source of truth. Components " +
        'are built with accessibility, states and responsive behaviour included from the start, ' +
        'and documented with clear usage guidance and examples. For governance I prefer a ' +
        'federated model: a small core team owns quality and direction, while product teams ' +
        'contribute through a defined contribution process with design and code review. ' +
        'Versioning and release notes let teams upgrade safely, and deprecations come with ' +
        "migration paths. I'd measure adoption, such as the share of UI built from system " +
        'components, plus time saved, and hold regular office hours so teams feel ownership ' +
        'rather than policed.',
      expectedKeywords: [
        'product',
        'design tokens',
        'source of truth',
        'accessibility',
        'governance',
        'contribution',
        'versioning',
        'adoption',
      ],
      timeLimitSeconds: 180,
    },
    {
      id: 'ux-senior-16',
      roleId: 'ux-designer',
      level: 'senior',
      type: 'technical',
      category: 'user research',
      content: 'How do you measure the impact of UX work on business outcomes?',
      idealAnswer:
        'I connect design work to metrics before we start, by agreeing with product which ' +
        "outcome we expect to move and how we'll know. Then I use a mix of measures. " +
        'Behavioural metrics show what people do: task completion, conversion, time on task, ' +
        'error rates and retention in the affected flow. Attitudinal metrics show how they feel: ' +
        'satisfaction, a standard usability score such as SUS, or a targeted survey. Operational ' +
        'metrics often show the clearest business value, like fewer support tickets or less ' +
        'manual work for staff. Where possible I compare against a baseline or run an A/B test ' +
        'to isolate the effect of the design. I also translate results into money or time saved, ' +
        "because that's the language leadership uses. And I report what didn't work too, since " +
        'being honest about failures builds trust in the numbers.',
      expectedKeywords: [
        'outcome',
        'behavioural',
        'task completion',
        'attitudinal',
        'sus',
        'support tickets',
        'baseline',
        'a/b test',
      ],
      timeLimitSeconds: 180,
    },
    {
      id: 'ux-senior-17',
      roleId: 'ux-designer',
      level: 'senior',
      type: 'situational',
      category: 'prototyping',
      content:
        'Your company wants to launch a major redesign of its core product. How would you reduce ' +
        'the risk?',
      idealAnswer:
        "Big redesigns fail when they change too much at once and surprise loyal users, so I'd " +
        'reduce risk in several ways. First, ground the work in evidence: research and analytics ' +
        "on what really isn't working, and a clear set of goals and success metrics. Second, " +
        'test early: prototype the core flows and run usability tests with existing power users ' +
        'as well as newcomers, because experts lose efficiency when familiar patterns move. ' +
        'Third, release incrementally where possible, or run a beta with opt-in and opt-out, so ' +
        "we learn from real use and can roll back. I'd monitor metrics and feedback channels " +
        "closely after each stage. Finally, I'd plan change management with support and " +
        'marketing: in-product guidance, release notes and an easy way to give feedback, so ' +
        'users feel part of the change rather than forced into it.',
      expectedKeywords: [
        'evidence',
        'success metrics',
        'prototype',
        'power users',
        'incrementally',
        'beta',
        'change management',
      ],
      timeLimitSeconds: 120,
    },
    {
      id: 'ux-senior-18',
      roleId: 'ux-designer',
      level: 'senior',
      type: 'situational',
      category: 'teamwork',
      content:
        'Two designers on your team have produced very different solutions to the same problem, ' +
        'and each is convinced theirs is right. How do you decide?',
      idealAnswer:
        "I'd avoid deciding by seniority or my own taste. First I'd bring them together and " +
        'reframe the discussion around the problem: which user need and business goal are we ' +
        'solving, and what criteria define a good solution, such as task success, accessibility, ' +
        "consistency with the design system and build effort. I'd ask each designer to present " +
        "how their solution meets those criteria, and invite them to critique each other's work " +
        'constructively. Often the best answer combines strengths from both. If the choice is ' +
        "still unclear, I'd test both with users, which takes a few days and turns opinion into " +
        "evidence. Whatever we pick, I'd make sure the designer whose idea wasn't chosen " +
        "understands the reasoning, and I'd credit both for the work, so the team learns that " +
        'healthy debate is valued.',
      expectedKeywords: [
        'user need',
        'business goal',
        'criteria',
        'critique',
        'test',
        'evidence',
        'reasoning',
      ],
      timeLimitSeconds: 120,
    },
  ],
};
