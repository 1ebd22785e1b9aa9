export type { PluginMetadataService } from './PluginMetadataService.js';
