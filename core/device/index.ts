export { createClipboardApis, type ClipboardDeps } from './clipboard-apis';
export { createChooseImages, releaseFolder, type ChooseDeps } from './choose-images';
export { sheetImagePicker } from './sheet-chooser';
export { ShellTasks, type TaskAnswer } from './shell-tasks';
export { createDeviceApis, type DeviceApis } from './device-apis';
