import { createRequire } from 'node:module';
import type { SidebarsConfig } from '@docusaurus/plugin-content-docs';

const require = createRequire(import.meta.url);

type SidebarItems = SidebarsConfig[string];

/**
 * docusaurus-plugin-typedoc writes `typedoc-sidebar.cjs` next to the generated pages when the
 * plugin loads, which is before Docusaurus reads sidebars, so the files exist on a clean
 * checkout. A missing file means TypeDoc failed for that package: the page list is then empty
 * rather than the whole site failing to load, and TypeDoc's own error is in the build log.
 */
function generatedSidebar(pkg: 'spec' | 'reference-impl'): SidebarItems {
  try {
    return require(`../reference/api/${pkg}/typedoc-sidebar.cjs`) as SidebarItems;
  } catch {
    return [];
  }
}

const sidebars: SidebarsConfig = {
  reference: [
    'index',
    {
      type: 'category',
      label: '@openstage/spec',
      link: { type: 'doc', id: 'api/spec/index' },
      items: generatedSidebar('spec'),
    },
    {
      type: 'category',
      label: '@openstage/reference-impl',
      link: { type: 'doc', id: 'api/reference-impl/index' },
      items: generatedSidebar('reference-impl'),
    },
  ],
};

export default sidebars;
