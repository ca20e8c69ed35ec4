// Everyday words of software and office work that the en_US Hunspell list lacks; an answer that
// uses them is not misspelled. (Each installed question pack adds its own vocabulary too.)
export const TECH_VOCABULARY: readonly string[] = (
  'frontend backend fullstack microservice microservices kubernetes serverless async await config ' +
  'configs dev devs devops namespace namespaces middleware codebase codebases onboarding scalable ' +
  'repo repos github gitlab api apis json yaml sql nosql javascript typescript golang ci cd signup ' +
  'webpage roadmap roadmaps kanban upskill upskilling mentee mentees prioritise prioritised ' +
  'customizable customisable toolchain linter linters linting webhook webhooks localhost hashmap ' +
  'hashmaps hashtable hashtables boolean booleans enum enums struct structs mutex mutexes ' +
  'multithreading multithreaded ecommerce fintech dataframe dataframes numpy ok stateful ' +
  'idempotency idempotent unittest unittests auth oauth jwt npm pypi repl stdout stdin ' +
  'subclass subclasses superclass inline iframe iframes regex regexes postgres postgresql mysql ' +
  'sqlite mongodb redis kafka graphql grpc http https url urls uri tcp udp ip dns cdn vpn ssh ' +
  'css html ui ux qa sre sla slas kpi kpis okr okrs roi b2b saas paas iaas aws gcp azure linux ' +
  'macos ios android webapp webapps dropdown checkbox checkboxes tooltip tooltips prod staging ' +
  'rollout rollouts rollback rollbacks hotfix hotfixes changelog changelogs codec timestamp ' +
  'timestamps datetime runtime runtimes lifecycle lifecycles pytest jest eslint prettier docker ' +
  'dockerfile terraform ansible jenkins jira confluence figma slack zoom walkthrough walkthroughs ' +
  'polymorphism polymorphic instantiation instantiate instantiated parameterless procedurally ' +
  'recurse recursing iteratively arraylist subarray subarrays dereference dereferenced ' +
  'dereferences dereferencing const nonconst initializer initializers getter getters setter ' +
  'setters refactor refactored refactoring deque dequeue enqueue enqueued nullable'
).split(' ');
