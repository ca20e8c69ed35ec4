// The built-in bank, stored in the same pack format career centres use. Imported statically
// (a bundled app cannot list a folder); one pack per role.
import accountant from './packs/accountant.json';
import businessAnalyst from './packs/business-analyst.json';
import customerSupport from './packs/customer-support.json';
import dataAnalyst from './packs/data-analyst.json';
import dataScientist from './packs/data-scientist.json';
import devopsEngineer from './packs/devops-engineer.json';
import financialAnalyst from './packs/financial-analyst.json';
import graduateGeneral from './packs/graduate-general.json';
import graphicDesigner from './packs/graphic-designer.json';
import hrGeneralist from './packs/hr-generalist.json';
import marketingSpecialist from './packs/marketing-specialist.json';
import operationsManager from './packs/operations-manager.json';
import productManager from './packs/product-manager.json';
import projectManager from './packs/project-manager.json';
import qaEngineer from './packs/qa-engineer.json';
import registeredNurse from './packs/registered-nurse.json';
import salesRepresentative from './packs/sales-representative.json';
import softwareEngineer from './packs/software-engineer.json';
import teacher from './packs/teacher.json';
import uxDesigner from './packs/ux-designer.json';

export const builtinPackJson: readonly unknown[] = [
  softwareEngineer,
  dataAnalyst,
  dataScientist,
  devopsEngineer,
  qaEngineer,
  productManager,
  uxDesigner,
  graphicDesigner,
  projectManager,
  businessAnalyst,
  customerSupport,
  marketingSpecialist,
  salesRepresentative,
  hrGeneralist,
  operationsManager,
  financialAnalyst,
  accountant,
  registeredNurse,
  teacher,
  graduateGeneral,
];
