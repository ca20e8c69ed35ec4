import { softwareEngineerBank } from './software-engineer';
import { dataAnalystBank } from './data-analyst';
import { productManagerBank } from './product-manager';
import { uxDesignerBank } from './ux-designer';
import { customerSupportBank } from './customer-support';
import { marketingSpecialistBank } from './marketing-specialist';
import type { StarterRoleBank } from './types';

export type { StarterRole, StarterQuestion, StarterRoleBank } from './types';

export const starterBank: readonly StarterRoleBank[] = [
  softwareEngineerBank,
  dataAnalystBank,
  productManagerBank,
  uxDesignerBank,
  customerSupportBank,
  marketingSpecialistBank,
];
