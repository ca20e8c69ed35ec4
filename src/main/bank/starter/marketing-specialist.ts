import type { StarterRoleBank } from './types';

export const marketingSpecialistBank: StarterRoleBank = {
  role: {
    id: 'marketing-specialist',
    title: 'Marketing Specialist',
    category: 'Marketing',
    description:
      'Plans, runs and measures campaigns that attract, engage and convert the right audience.',
    skillTags: [
      'content marketing',
      'seo',
      'email marketing',
      'social media',
      'analytics',
      'campaign management',
      'branding',
    ],
  },
  questions: [
    {
      id: 'mkt-entry-01',
      roleId: 'marketing-specialist',
      level: 'entry',
      type: 'behavioral',
      category: 'social media',
      content: 'Tell me about a project where you grew an audience or increased engagement.',
      idealAnswer:
        'At university I ran social media for our environmental society, which had about 300 ' +
        'Instagram followers and poor event turnout. My task was to grow attendance for our ' +
        'spring events. I looked at our analytics and saw that posts featuring people got three ' +
        'times the engagement of plain event flyers. So I changed our content plan to short ' +
        'videos of members, behind-the-scenes stories, and a weekly series of simple ' +
        'sustainability tips. I posted on a consistent schedule, partnered with two other ' +
        'societies on joint posts, and tracked sign-ups through a link in our bio so I could see ' +
        'which posts drove attendance. Over one semester, our followers grew to 1,100, and ' +
        'average event attendance rose from 25 to 70 people, which helped the society win extra ' +
        'funding from the student union.',
      expectedKeywords: [
        'analytics',
        'engagement',
        'content plan',
        'consistent schedule',
        'partnered',
        'tracked',
      ],
      timeLimitSeconds: 150,
    },
    {
      id: 'mkt-entry-02',
      roleId: 'marketing-specialist',
      level: 'entry',
      type: 'behavioral',
      category: 'campaign management',
      content:
        'Describe a time you had to meet a tight deadline on a project involving several people.',
      idealAnswer:
        'During my marketing internship at a software company, the date of a customer webinar ' +
        'was moved forward by a week, leaving five days to produce the landing page, three ' +
        'emails and the social posts. My task was to coordinate the work between a designer, a ' +
        'copywriter and the product expert presenting. I built a simple shared checklist with ' +
        'owners and deadlines for every asset, and held a fifteen-minute check-in each morning ' +
        'so problems surfaced early. To save time, I reused an existing landing page template ' +
        'and wrote first drafts of the emails myself, so the copywriter could edit rather than ' +
        'start from scratch. Everything went live a day early. The webinar got 420 registrations ' +
        'against a goal of 300, and my manager adopted the checklist for future launches.',
      expectedKeywords: [
        'coordinate',
        'checklist',
        'owners',
        'deadlines',
        'check-in',
        'template',
        'registrations',
      ],
      timeLimitSeconds: 150,
    },
    {
      id: 'mkt-entry-03',
      roleId: 'marketing-specialist',
      level: 'entry',
      type: 'technical',
      category: 'seo',
      content:
        "What are the main factors you would consider to improve a web page's ranking in search " +
        'results?',
      idealAnswer:
        "I think of SEO in three parts. First, content and relevance: I'd use keyword research " +
        'to understand the search intent behind the terms we target, then write a page that ' +
        'answers that intent better than what currently ranks, using the keyword naturally in ' +
        'the title tag, headings and meta description. Second, technical health: the page must ' +
        'be crawlable and indexable, load quickly, work well on mobile, and have a clean URL and ' +
        'internal links pointing to it from related pages. Third, authority: backlinks from ' +
        "relevant, reputable sites, which I'd earn through genuinely useful content and " +
        "outreach rather than buying them. I'd track progress in Google Search Console, looking " +
        'at impressions, click-through rate and average position, and keep updating the content, ' +
        'because competitors and search results keep changing.',
      expectedKeywords: [
        'keyword research',
        'search intent',
        'title tag',
        'meta description',
        'mobile',
        'internal links',
        'backlinks',
        'search console',
      ],
      timeLimitSeconds: 120,
    },
    {
      id: 'mkt-entry-04',
      roleId: 'marketing-specialist',
      level: 'entry',
      type: 'technical',
      category: 'email marketing',
      content: 'How would you measure the success of an email marketing campaign?',
      idealAnswer:
        "I'd start with the campaign's goal, because success means different things for a " +
        "newsletter and a sales promotion. Then I'd look at the whole funnel. Deliverability " +
        'and bounce rate tell me whether the emails arrived at all. Open rate is a rough signal ' +
        'of subject line performance, but privacy features in some email apps now inflate it, so ' +
        'I treat it with caution. Click-through rate shows whether the content and call to ' +
        'action worked. Most important is the conversion rate, and the revenue or sign-ups ' +
        'attributed to the email. I also watch unsubscribe and spam complaint rates, because a ' +
        'campaign that converts but drives people away hurts future results. Where possible, ' +
        "I'd A/B test one element at a time, such as the subject line, and compare against a " +
        'holdout group to see the true incremental effect.',
      expectedKeywords: [
        'goal',
        'deliverability',
        'open rate',
        'click-through rate',
        'conversion rate',
        'unsubscribe',
        'a/b test',
        'holdout',
      ],
      timeLimitSeconds: 120,
    },
    {
      id: 'mkt-entry-05',
      roleId: 'marketing-specialist',
      level: 'entry',
      type: 'situational',
      category: 'social media',
      content:
        'Your manager asks you to write a social media post about a product launch, but you are ' +
        'unsure who the target audience is. What do you do?',
      idealAnswer:
        "I'd clarify before writing, because a post aimed at the wrong audience wastes " +
        "everyone's effort. First I'd check the existing materials: the launch brief, the " +
        "product positioning and any buyer personas, which often answer the question. If it's " +
        "still unclear, I'd ask my manager or the product marketer a few specific questions: " +
        'who is this for, what problem does it solve for them, and what do we want them to do ' +
        "after seeing the post? Meanwhile, I'd look at our social analytics to see which " +
        "audience segments engage with similar content. Then I'd draft two short versions with " +
        'different angles, for example one for existing customers and one for new prospects, so ' +
        "my manager can react to something concrete. That's faster than waiting, and it makes " +
        'the audience decision explicit.',
      expectedKeywords: [
        'brief',
        'positioning',
        'personas',
        'questions',
        'analytics',
        'segments',
        'draft',
      ],
      timeLimitSeconds: 120,
    },
    {
      id: 'mkt-entry-06',
      roleId: 'marketing-specialist',
      level: 'entry',
      type: 'situational',
      category: 'analytics',
      content:
        'A campaign you launched last week is performing much worse than expected. What steps ' +
        'would you take?',
      idealAnswer:
        "First I'd check that the data is right: tracking links, conversion pixels and UTM " +
        "tags, because broken tracking often looks like poor performance. Then I'd find where " +
        "in the funnel it's underperforming. Low impressions suggest a targeting or budget " +
        'problem. Plenty of impressions but few clicks point to the creative or the message. ' +
        'Clicks but few conversions suggest an issue with the landing page or the offer, such as ' +
        "slow loading or a mismatch with what the ad promised. I'd compare against benchmarks " +
        'from similar past campaigns to check whether our expectations were realistic. Based on ' +
        "that, I'd change one or two things at a time, such as testing a new headline or " +
        "narrowing the audience, so I can tell what worked. And I'd update my manager early " +
        'with my findings and plan, rather than waiting until the campaign ends.',
      expectedKeywords: [
        'tracking',
        'utm',
        'funnel',
        'targeting',
        'creative',
        'landing page',
        'benchmarks',
        'update',
      ],
      timeLimitSeconds: 120,
    },
    {
      id: 'mkt-intermediate-07',
      roleId: 'marketing-specialist',
      level: 'intermediate',
      type: 'behavioral',
      category: 'campaign management',
      content:
        'Tell me about a campaign you planned and ran from start to finish. What were the results?',
      idealAnswer:
        'At a B2B software company, I was responsible for a campaign to generate leads for our ' +
        'new reporting feature among mid-sized finance teams, with a goal of 400 qualified leads ' +
        'in one quarter. I started with customer interviews and found the main pain point: ' +
        'month-end reporting took days. I built the campaign around a practical guide to closing ' +
        'the books faster. I planned the channels: a gated guide with its own landing page, a ' +
        'three-email nurture sequence, LinkedIn ads targeted by job title, and a webinar with a ' +
        'customer. I set up UTM tracking and a dashboard, reviewed results weekly, and moved ' +
        'budget from underperforming ads to the best performers. We generated 560 qualified ' +
        'leads at a cost per lead 30 percent below target, and the campaign influenced about 1.2 ' +
        'million dollars of sales pipeline.',
      expectedKeywords: [
        'goal',
        'pain point',
        'channels',
        'nurture',
        'utm',
        'budget',
        'qualified leads',
        'pipeline',
      ],
      timeLimitSeconds: 150,
    },
    {
      id: 'mkt-intermediate-08',
      roleId: 'marketing-specialist',
      level: 'intermediate',
      type: 'behavioral',
      category: 'analytics',
      content: 'Describe a time you used data to change a marketing decision.',
      idealAnswer:
        'At an online furniture retailer, our team planned to put most of the holiday budget ' +
        'into display ads, because they had driven the most traffic the previous year. I was ' +
        'responsible for reporting, and when I analysed the data more closely, I saw that ' +
        'display traffic had a high bounce rate and converted at 0.3 percent, while email and ' +
        'branded search converted at over 4 percent. My task was to present this clearly before ' +
        'the plan was finalised. I built a simple comparison of cost per acquisition by channel ' +
        'and suggested moving a third of the display budget into email and search, with a test ' +
        'in two regions first. The regional test confirmed the pattern, we adjusted the national ' +
        'plan, and holiday revenue rose 18 percent year over year while acquisition cost fell by ' +
        'a quarter.',
      expectedKeywords: [
        'analysed',
        'bounce rate',
        'converted',
        'cost per acquisition',
        'channel',
        'test',
        'revenue',
      ],
      timeLimitSeconds: 150,
    },
    {
      id: 'mkt-intermediate-09',
      roleId: 'marketing-specialist',
      level: 'intermediate',
      type: 'technical',
      category: 'campaign management',
      content: 'How do you decide which marketing channels to invest in for a new product?',
      idealAnswer:
        'I start with the audience and the goal. Where do our target customers spend their time ' +
        'and look for solutions, and are we trying to build awareness, generate leads or drive ' +
        'direct sales? A developer tool might do well with technical content, communities and ' +
        'search, while a consumer fashion brand leans on social media and creators. Then I look ' +
        'at the economics: the expected customer acquisition cost relative to customer lifetime ' +
        'value, and how quickly each channel produces results. Paid search is fast but can be ' +
        "expensive, while SEO and content compound slowly. For a new product, I'd run small, " +
        'structured tests across three or four promising channels, with clear success metrics ' +
        "and proper tracking, then double down on what works and cut what doesn't. I'd revisit " +
        'the mix regularly, because channels saturate as spend grows.',
      expectedKeywords: [
        'audience',
        'goal',
        'acquisition cost',
        'lifetime value',
        'tests',
        'tracking',
        'double down',
        'saturate',
      ],
      timeLimitSeconds: 150,
    },
    {
      id: 'mkt-intermediate-10',
      roleId: 'marketing-specialist',
      level: 'intermediate',
      type: 'technical',
      category: 'content marketing',
      content:
        'How would you build a content strategy for a company blog that currently gets very ' +
        'little traffic?',
      idealAnswer:
        "I'd begin with the business goal the blog should serve, such as generating qualified " +
        "leads, and the audience we want to reach. Then I'd audit the existing content to see " +
        'what gets any traffic or conversions, and do keyword research to find topics our ' +
        'audience searches for where we can realistically rank, focusing on search intent rather ' +
        "than volume alone. I'd organise topics into clusters, each with a comprehensive pillar " +
        'page linked to supporting articles, which helps both readers and SEO. Every piece would ' +
        "have a clear next step, like a related guide or a free trial. I'd set a publishing " +
        'schedule we can actually sustain, and distribute each piece through email, social media ' +
        "and partners rather than hoping search finds it. I'd measure organic traffic, " +
        'engagement and conversions monthly, and refresh articles as they start to decline.',
      expectedKeywords: [
        'business goal',
        'audit',
        'keyword research',
        'clusters',
        'pillar page',
        'distribute',
        'organic traffic',
        'refresh',
      ],
      timeLimitSeconds: 150,
    },
    {
      id: 'mkt-intermediate-11',
      roleId: 'marketing-specialist',
      level: 'intermediate',
      type: 'situational',
      category: 'social media',
      content:
        "A post from your brand's social media account is getting negative attention and " +
        'spreading fast for the wrong reasons. What do you do?',
      idealAnswer:
        "I'd act quickly but not rashly. First I'd alert my manager and whoever handles " +
        "communications, and pause any scheduled posts so we don't look tone-deaf. Then I'd " +
        "assess the situation: what exactly people are upset about, how fast it's spreading, " +
        "and whether the criticism is fair. If we made a genuine mistake, I'd recommend " +
        "removing the post if it's harmful and publishing a short, sincere apology that takes " +
        "responsibility without excuses or corporate jargon. If it's a misunderstanding, a calm " +
        "clarification works better. I wouldn't argue with individual commenters, but I'd " +
        'monitor mentions closely and prepare approved responses for the community team. ' +
        "Afterwards I'd review how the post was approved, and update our guidelines or approval " +
        "process so the same thing doesn't happen again.",
      expectedKeywords: [
        'alert',
        'pause',
        'scheduled posts',
        'assess',
        'apology',
        'monitor',
        'approval process',
      ],
      timeLimitSeconds: 120,
    },
    {
      id: 'mkt-intermediate-12',
      roleId: 'marketing-specialist',
      level: 'intermediate',
      type: 'situational',
      category: 'communication',
      content:
        'The sales team complains that the leads from marketing are low quality. How would you ' +
        'address this?',
      idealAnswer:
        "I'd treat it as a shared problem rather than a blame game. First I'd ask sales for " +
        "specifics: which leads, why they weren't a fit, and what a good lead looks like to " +
        "them. Then I'd check the data on conversion rates from lead to opportunity by channel " +
        'and campaign, which often shows that some sources are fine while others are weak. ' +
        "Usually the underlying issue is a missing or outdated shared definition, so I'd work " +
        'with sales leadership to agree on an ideal customer profile and clear criteria for a ' +
        "marketing qualified lead, possibly with lead scoring based on fit and behaviour. I'd " +
        'adjust the targeting and messaging on the weak channels, and set up a regular meeting ' +
        "to review lead quality together. Then we'd track lead-to-opportunity conversion to " +
        'confirm it improves.',
      expectedKeywords: [
        'specifics',
        'conversion rates',
        'shared definition',
        'ideal customer profile',
        'marketing qualified lead',
        'lead scoring',
        'targeting',
      ],
      timeLimitSeconds: 120,
    },
    {
      id: 'mkt-senior-13',
      roleId: 'marketing-specialist',
      level: 'senior',
      type: 'behavioral',
      category: 'branding',
      content:
        'Tell me about a time you led a rebrand or repositioning. How did you measure its success?',
      idealAnswer:
        'At a mid-sized HR software company, our brand looked dated, and our all-in-one HR ' +
        'message blended in with a dozen competitors. As head of marketing, my task was to ' +
        'reposition us to win more mid-market deals. I led research first: interviews with ' +
        'twenty customers and lost prospects, plus a competitive analysis. The key insight was ' +
        'that buyers chose us for our fast implementation, so we repositioned around going live ' +
        'in two weeks. I worked with an agency on a new visual identity, aligned sales and ' +
        'product on the message, and rolled it out in phases, starting with the website and ' +
        'sales deck. I defined success metrics upfront: awareness in our target segment, demo ' +
        'conversion and win rate. Within a year, aided awareness rose from 12 to 21 percent, and ' +
        'our win rate increased from 18 to 26 percent.',
      expectedKeywords: [
        'research',
        'competitive analysis',
        'insight',
        'repositioned',
        'visual identity',
        'aligned',
        'success metrics',
        'win rate',
      ],
      timeLimitSeconds: 150,
    },
    {
      id: 'mkt-senior-14',
      roleId: 'marketing-specialist',
      level: 'senior',
      type: 'behavioral',
      category: 'campaign management',
      content: 'Describe a time you had to make a difficult budget decision as a marketing leader.',
      idealAnswer:
        'Midway through the year at a consumer subscription app, the company cut my marketing ' +
        'budget by 35 percent. As marketing director, I had to decide what to stop without ' +
        'missing our subscriber target. I reviewed every program by its incremental return, ' +
        "using our attribution data and a recent holdout test, rather than by last year's " +
        'habits. Two big-ticket items, a sponsorship and a display program, looked strong in ' +
        'reported numbers but showed little incremental lift. I cut those, protected our best ' +
        'paid search campaigns and our referral program, and put more effort into lifecycle ' +
        'email to reduce churn, which was cheap to scale. I explained the reasoning to my team ' +
        'and to the agencies affected. We finished the year at 97 percent of the subscriber ' +
        'target on 65 percent of the original budget, and those efficiency gains became our new ' +
        'baseline.',
      expectedKeywords: [
        'incremental',
        'attribution',
        'holdout',
        'referral',
        'lifecycle',
        'churn',
        'team',
      ],
      timeLimitSeconds: 150,
    },
    {
      id: 'mkt-senior-15',
      roleId: 'marketing-specialist',
      level: 'senior',
      type: 'technical',
      category: 'analytics',
      content: "How would you measure marketing's contribution to revenue across many channels?",
      idealAnswer:
        "No single method is perfect, so I'd combine several and be clear about each one's " +
        'limits. Multi-touch attribution, using our analytics and CRM, shows which touchpoints ' +
        'appear in customer journeys and is useful for day-to-day optimisation, but it struggles ' +
        'with privacy restrictions and over-credits channels that capture existing demand, like ' +
        'branded search. Marketing mix modelling uses historical spend and sales data, plus ' +
        "factors such as seasonality and pricing, to estimate each channel's contribution, " +
        'including offline channels, which makes it good for annual budget allocation. ' +
        'Incrementality experiments, such as geographic holdouts or conversion lift tests, give ' +
        'the most reliable answer for specific channels and help calibrate the other two. ' +
        "Underneath, I'd enforce consistent UTM and lead source rules in the CRM. Presenting " +
        'all three together gives leadership a credible range instead of false precision.',
      expectedKeywords: [
        'multi-touch attribution',
        'crm',
        'marketing mix modelling',
        'seasonality',
        'incrementality',
        'holdouts',
        'calibrate',
        'utm',
      ],
      timeLimitSeconds: 180,
    },
    {
      id: 'mkt-senior-16',
      roleId: 'marketing-specialist',
      level: 'senior',
      type: 'technical',
      category: 'branding',
      content: 'How would you build a go-to-market plan for a major product launch?',
      idealAnswer:
        "I'd start with clarity on the target market: the segments and buyer personas we're " +
        'aiming at, their main pain points, and how they buy. Then positioning: which category ' +
        'we compete in, what makes us different from the alternatives, and a messaging framework ' +
        'with proof points that sales, product and marketing all use. Pricing and packaging need ' +
        'to be agreed with product and finance. Next comes the launch plan: the channels that ' +
        'reach those buyers, a sequence of pre-launch, launch and post-launch activities, and ' +
        'enablement for sales and support, such as demos, FAQs and competitive battle cards. ' +
        "I'd set goals for the launch, like pipeline, sign-ups and adoption, with a dashboard " +
        "to track them. I'd tier launches by importance so effort matches impact, and run a " +
        'retrospective afterwards so each launch improves the next.',
      expectedKeywords: [
        'segments',
        'personas',
        'positioning',
        'messaging framework',
        'pricing',
        'enablement',
        'goals',
        'retrospective',
      ],
      timeLimitSeconds: 180,
    },
    {
      id: 'mkt-senior-17',
      roleId: 'marketing-specialist',
      level: 'senior',
      type: 'situational',
      category: 'analytics',
      content:
        'The CEO wants marketing to double the number of leads next quarter with the same ' +
        'budget. How would you respond?',
      idealAnswer:
        "I'd take the ambition seriously but be honest about what's realistic. First I'd " +
        'analyse the funnel and channel efficiency to find room to grow: channels with a low ' +
        "cost per lead that haven't saturated, landing pages whose conversion rate could " +
        'improve, and assets we underuse, such as referrals or reactivating old leads. ' +
        "Conversion rate optimisation often produces more leads without extra spend. Then I'd " +
        "model scenarios: what's achievable through reallocation and optimisation, perhaps a 30 " +
        "to 50 percent increase, and what doubling would require in budget or time. I'd also " +
        'ask whether more leads is the real goal, or whether pipeline and revenue are, because a ' +
        "flood of low-quality leads can hurt sales. I'd present options with their trade-offs, " +
        'agree on a target, and report progress against it weekly.',
      expectedKeywords: [
        'funnel',
        'cost per lead',
        'conversion rate',
        'referrals',
        'scenarios',
        'pipeline',
        'trade-offs',
      ],
      timeLimitSeconds: 120,
    },
    {
      id: 'mkt-senior-18',
      roleId: 'marketing-specialist',
      level: 'senior',
      type: 'situational',
      category: 'branding',
      content:
        'Your marketing team is split between brand-building and performance marketing, and the ' +
        'two groups compete for budget. How do you handle it?',
      idealAnswer:
        "I'd stop framing it as a competition, because they do different jobs: brand building " +
        'creates future demand and makes every performance channel cheaper, while performance ' +
        "marketing captures demand that already exists. I'd set a deliberate budget allocation " +
        'based on our stage and goals, informed by our own incrementality tests and research on ' +
        'long-term versus short-term effects, and review it twice a year. Each group would have ' +
        'metrics suited to its job: awareness, consideration and branded search volume for ' +
        'brand, and pipeline and cost per acquisition for performance, plus shared goals on ' +
        "revenue so both care about the overall result. I'd also introduce joint planning so " +
        'campaigns reinforce each other, for example by sharing one creative platform. Clear ' +
        'allocation and shared goals usually end the budget fight and improve results for both ' +
        'teams.',
      expectedKeywords: [
        'future demand',
        'captures',
        'allocation',
        'incrementality',
        'metrics',
        'shared goals',
        'joint planning',
      ],
      timeLimitSeconds: 120,
    },
  ],
};
