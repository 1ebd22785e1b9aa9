import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import { themes as prismThemes } from 'prism-react-renderer';
import { OptionDefaults } from 'typedoc';
import remarkCodeFile from './src/remark/remarkCodeFile';
import remarkIncludeMarkdown from './src/remark/remarkIncludeMarkdown';
import remarkRequirementAnchors from './src/remark/remarkRequirementAnchors';
import openstageData from './src/plugins/openstageData';
import { specSidebarItemsGenerator } from './src/sidebar/specSidebarItemsGenerator';

const siteDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(siteDir, '..');

// TypeDoc options shared by the two API instances.
const typedocShared = {
  readme: 'none',
  excludePrivate: true,
  excludeInternal: true,
  // Sort pages the way a reader looks for them, not the way the files happen to be laid out.
  categorizeByGroup: true,
  // The generated pages are CommonMark (`.md`); with markdown.format 'detect' they never go
  // through the MDX parser, so `<T>` in prose cannot break the build (typedoc-plugin-markdown #774).
  fileExtension: '.md',
  entryFileName: 'index',
  hidePageHeader: true,
  sidebar: { autoConfiguration: true, pretty: true },
  // A warning in the API docs is a bug in a TSDoc comment: surface it, don't fail the whole site.
  treatWarningsAsErrors: false,
  skipErrorChecking: true,
  // No git remote in CI clones to build "view source" links from; the API pages stand alone.
  disableSources: true,
};

const config: Config = {
  title: 'Openstage',
  tagline: 'An open standard for plugin-based TypeScript backends',
  favicon: 'img/favicon.svg',
  url: 'https://openstage.invalid',
  baseUrl: '/',
  trailingSlash: false,
  onBrokenLinks: 'throw',
  // Requirement anchors (#INIT-004) are the spec's citation targets: a dead one fails the build.
  onBrokenAnchors: 'throw',
  onDuplicateRoutes: 'throw',
  future: { v4: true, faster: true },
  markdown: {
    format: 'detect',
    hooks: { onBrokenMarkdownLinks: 'throw', onBrokenMarkdownImages: 'throw' },
  },
  i18n: { defaultLocale: 'en', locales: ['en'] },
  presets: [
    [
      'classic',
      {
        // The default docs instance is the specification, read in place from spec/docs: the
        // site keeps no copy of a chapter.
        docs: {
          path: path.join(repoRoot, 'spec/docs'),
          routeBasePath: 'spec',
          sidebarPath: path.join(siteDir, 'sidebars/spec.ts'),
          sidebarItemsGenerator: specSidebarItemsGenerator,
          beforeDefaultRemarkPlugins: [remarkRequirementAnchors],
          showLastUpdateTime: false,
          breadcrumbs: true,
        },
        blog: false,
        // Markdown pages (src/pages/*.md) may include a generated Markdown file at build time:
        // the benchmarks page shows bench/results/latest.md this way.
        pages: { beforeDefaultRemarkPlugins: [[remarkIncludeMarkdown, { root: repoRoot }]] },
        theme: { customCss: path.join(siteDir, 'src/css/custom.css') },
        sitemap: false,
      } satisfies Preset.Options,
    ],
  ],
  plugins: [
    openstageData,
    [
      '@docusaurus/plugin-content-docs',
      {
        id: 'guides',
        path: 'guides',
        routeBasePath: 'guides',
        sidebarPath: path.join(siteDir, 'sidebars/guides.ts'),
        // Code fences like ```ts file=./samples/plugin/bookmarksPlugin.ts``` are filled from the
        // samples that CI type-checks and runs (guides/samples), so a guide cannot drift.
        beforeDefaultRemarkPlugins: [remarkCodeFile],
      },
    ],
    [
      '@docusaurus/plugin-content-docs',
      {
        id: 'reference',
        path: 'reference',
        routeBasePath: 'reference',
        sidebarPath: path.join(siteDir, 'sidebars/reference.ts'),
      },
    ],
    [
      '@docusaurus/plugin-content-docs',
      {
        id: 'conformance',
        path: 'conformance-docs',
        routeBasePath: 'conformance',
        sidebarPath: path.join(siteDir, 'sidebars/conformance.ts'),
        beforeDefaultRemarkPlugins: [remarkCodeFile],
      },
    ],
    // TypeDoc runs when these plugins load, before the sidebars are read, so the generated
    // typedoc-sidebar.cjs files exist on a clean checkout.
    [
      'docusaurus-plugin-typedoc',
      {
        id: 'api-spec',
        entryPoints: [path.join(repoRoot, 'spec/src/index.ts')],
        tsconfig: path.join(repoRoot, 'spec/tsconfig.json'),
        out: 'reference/api/spec',
        docsPath: path.join(siteDir, 'reference'),
        name: '@openstage/spec',
        ...typedocShared,
      },
    ],
    [
      'docusaurus-plugin-typedoc',
      {
        id: 'api-reference-impl',
        entryPoints: [path.join(repoRoot, 'reference-impl/src/index.ts')],
        tsconfig: path.join(repoRoot, 'reference-impl/tsconfig.json'),
        out: 'reference/api/reference-impl',
        // spec/tsdoc.json declares the TSDoc template's custom tags for the spec; reference-impl
        // has no tsdoc.json, so the same tags are listed here (`@category` is TypeDoc's own).
        blockTags: [
          ...new Set([...OptionDefaults.blockTags, '@category', '@since', '@requirement']),
        ],
        docsPath: path.join(siteDir, 'reference'),
        name: '@openstage/reference-impl',
        ...typedocShared,
      },
    ],
  ],
  themes: [
    [
      '@easyops-cn/docusaurus-search-local',
      {
        hashed: true,
        indexDocs: true,
        indexPages: true,
        indexBlog: false,
        docsRouteBasePath: ['spec', 'guides', 'reference', 'conformance'],
        docsDir: [path.join(repoRoot, 'spec/docs'), 'guides', 'reference', 'conformance-docs'],
        language: ['en'],
        searchResultLimits: 10,
        explicitSearchResultPath: true,
        highlightSearchTermsOnTargetPage: false,
      },
    ],
  ],
  themeConfig: {
    colorMode: { respectPrefersColorScheme: true },
    navbar: {
      title: 'Openstage',
      logo: { alt: 'Openstage', src: 'img/favicon.svg' },
      items: [
        { type: 'docSidebar', sidebarId: 'spec', label: 'Spec', position: 'left' },
        { to: '/requirements', label: 'Requirements', position: 'left' },
        {
          type: 'docSidebar',
          docsPluginId: 'guides',
          sidebarId: 'guides',
          label: 'Guides',
          position: 'left',
        },
        {
          type: 'docSidebar',
          docsPluginId: 'reference',
          sidebarId: 'reference',
          label: 'Reference',
          position: 'left',
        },
        {
          type: 'docSidebar',
          docsPluginId: 'conformance',
          sidebarId: 'conformance',
          label: 'Conformance',
          position: 'left',
        },
        { to: '/benchmarks', label: 'Benchmarks', position: 'left' },
      ],
    },
    footer: {
      style: 'dark',
      links: [
        {
          title: 'Specification',
          items: [
            { label: 'Reading the specification', to: '/spec/reading-the-spec' },
            { label: 'Requirement index', to: '/requirements' },
            { label: 'Error catalog', to: '/spec/errors' },
          ],
        },
        {
          title: 'Use it',
          items: [
            { label: 'Getting started', to: '/guides/getting-started' },
            { label: 'API reference', to: '/reference' },
            { label: 'Conformance results', to: '/conformance/results' },
            { label: 'Benchmarks', to: '/benchmarks' },
          ],
        },
      ],
      copyright: 'Openstage. Licensed under Apache-2.0.',
    },
    prism: { theme: prismThemes.github, darkTheme: prismThemes.dracula },
    docs: { sidebar: { hideable: true } },
  } satisfies Preset.ThemeConfig,
};

export default config;
