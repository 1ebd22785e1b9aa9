import { OpenstageError } from '../errors/OpenstageError.js';
import { ID_PATTERN, ID_PATTERN_OLD } from '../wireFormat/constants.js';

/**
 * Validates a plugin or module id when the feature is created.
 *
 * Ids matching only the legacy pattern (with `_`) are accepted with a console
 * warning (`FEAT_LEGACY_ID`), like Backstage; anything else throws
 * `FEAT_INVALID_ID`.
 */
export function assertValidFeatureId(pluginId: string, moduleId?: string): void {
  if (moduleId === undefined) {
    if (typeof pluginId !== 'string' || !ID_PATTERN_OLD.test(pluginId)) {
      throw new OpenstageError('FEAT_INVALID_ID', { pluginId: String(pluginId) });
    }
    if (!ID_PATTERN.test(pluginId)) {
      console.warn(
        `WARNING: The pluginId '${pluginId}' will be invalid soon, please change it to match the pattern ${ID_PATTERN} (letters, digits, and dashes only, starting with a letter)`,
      );
    }
    return;
  }
  // FEAT-063: unlike Backstage, a module's pluginId is checked too.
  if (typeof pluginId !== 'string' || !ID_PATTERN_OLD.test(pluginId)) {
    throw new OpenstageError('FEAT_INVALID_ID', {
      pluginId: String(pluginId),
      moduleId: String(moduleId),
    });
  }
  if (typeof moduleId !== 'string' || !ID_PATTERN_OLD.test(moduleId)) {
    throw new OpenstageError('FEAT_INVALID_ID', { pluginId, moduleId: String(moduleId) });
  }
  if (!ID_PATTERN.test(moduleId)) {
    console.warn(
      `WARNING: The moduleId '${moduleId}' for plugin '${pluginId}', will be invalid soon, please change it to match the pattern ${ID_PATTERN} (letters, digits, and dashes only, starting with a letter)`,
    );
  }
}
