export type { RootSystemMetadataService } from './RootSystemMetadataService.js';
export type { RootSystemMetadataServicePluginInfo } from './RootSystemMetadataServicePluginInfo.js';
