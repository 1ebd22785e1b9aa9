import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { DefaultPermissionsRegistryService } from './DefaultPermissionsRegistryService.js';
import { applyConditions, parseApplyConditionsBody } from './applyConditions.js';
import { paramsJsonSchema } from './ruleParamsSchema.js';

/** Where the integration routes live below the plugin's base URL. */
export const PERMISSIONS_WELL_KNOWN_PATH = '/.well-known/backstage/permissions';

/**
 * The routes the `permission` plugin calls (PREG-021 to PREG-035). Errors go to `next` with a
 * `statusCode`, so the HTTP error handler answers them like any other plugin error.
 */
export function createPermissionIntegrationRouter(
  registry: DefaultPermissionsRegistryService,
): Router {
  const router = express.Router();

  router.get(`${PERMISSIONS_WELL_KNOWN_PATH}/metadata`, (_req: Request, res: Response) => {
    const rules = registry.listResourceTypes().flatMap((type) =>
      [...type.rules.values()].map((rule) => ({
        name: rule.name,
        description: rule.description,
        resourceType: type.resourceType,
        paramsSchema: paramsJsonSchema((rule as { paramsSchema?: unknown }).paramsSchema),
      })),
    );
    res.status(200).json({ permissions: registry.listPermissions(), rules });
  });

  router.post(
    `${PERMISSIONS_WELL_KNOWN_PATH}/apply-conditions`,
    express.json({ limit: '5mb' }),
    (req: Request, res: Response, next: NextFunction) => {
      Promise.resolve()
        .then(async () => {
          const items = parseApplyConditionsBody(req.body);
          res.status(200).json({ items: await applyConditions(registry, items) });
        })
        .catch(next);
    },
  );

  return router;
}
