export { httpsOnlyModule as default } from '../module/httpsOnlyModule.js';
