import type { BasicPermission } from '@openstage/spec';

/** Creating or completing a todo; reading needs credentials only. */
export const todoItemWritePermission: BasicPermission = {
  type: 'basic',
  name: 'todo.item.write',
  attributes: { action: 'update' },
};
