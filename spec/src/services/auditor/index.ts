export type { AuditorService } from './AuditorService.js';
export type { AuditorServiceCreateEventOptions } from './AuditorServiceCreateEventOptions.js';
export type { AuditorServiceEvent } from './AuditorServiceEvent.js';
export type { AuditorServiceEventSeverityLevel } from './AuditorServiceEventSeverityLevel.js';
