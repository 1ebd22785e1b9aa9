import type { CoreServices } from '@openstage/spec';
import { coreServices } from '../authoring/coreServices.js';

/**
 * The authoring API's `coreServices`, typed with the spec's service interfaces. The refs are the
 * same objects; only the compile-time view differs while the authoring API still types some
 * services as opaque.
 */
export const coreServiceRefs = coreServices as unknown as CoreServices;
