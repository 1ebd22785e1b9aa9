import { useMemo } from 'react';
import { useAllDocsData } from '@docusaurus/plugin-content-docs/client';
import requirementIndex from '@openstage-data/requirements.json';

/**
 * Spec chapter id -> the URL Docusaurus gave the chapter. Looked up rather than rebuilt, so that
 * a slug or route change in the docs plugin cannot leave a page with dead links.
 */
export function useChapterPaths(): Map<string, string | undefined> {
  const specDocs = useAllDocsData()['default']?.versions[0]?.docs ?? [];
  return useMemo(() => {
    const byDocId = new Map(specDocs.map((doc) => [doc.id, doc.path]));
    return new Map(
      requirementIndex.chapters.map((chapter) => {
        const dir = chapter.file
          .replace(/^docs\//, '')
          .split('/')
          .slice(0, -1)
          .join('/');
        return [chapter.id, byDocId.get(dir ? `${dir}/${chapter.id}` : chapter.id)];
      }),
    );
  }, [specDocs]);
}
