import type { PluginOptions } from '@docusaurus/plugin-content-docs';

type ItemsGenerator = NonNullable<PluginOptions['sidebarItemsGenerator']>;

/**
 * spec/docs has no `_category_.json` (the spec folder holds normative text only), so the label
 * of the `services` folder is set here.
 */
export const specSidebarItemsGenerator: ItemsGenerator = async ({
  defaultSidebarItemsGenerator,
  ...args
}) => {
  const items = await defaultSidebarItemsGenerator(args);
  return items.map((item) =>
    item.type === 'category' && item.label === 'services'
      ? { ...item, label: 'Core services', collapsed: true }
      : item,
  );
};
