export { createShellService } from './shell-service';
export { SheetBroker } from './sheet-broker';
export { TabSet } from './tab-set';
