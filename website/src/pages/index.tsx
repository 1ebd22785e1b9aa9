import type { ReactNode } from 'react';
import Layout from '@theme/Layout';
import Link from '@docusaurus/Link';
import requirementIndex from '@openstage-data/requirements.json';
import styles from './index.module.css';

interface Section {
  title: string;
  to: string;
  summary: string;
}

// Core sections first, each with the one line that tells a reader whether it is for them.
const SECTIONS: Section[] = [
  {
    title: 'Specification',
    to: '/spec/reading-the-spec',
    summary:
      'The normative chapters: what a backend, a plugin, a module and each core service must do, requirement by requirement.',
  },
  {
    title: 'Guides',
    to: '/guides',
    summary: 'Task by task: install, build a backend, write plugins and modules, test them.',
  },
  {
    title: 'Reference',
    to: '/reference',
    summary:
      'The TypeScript API of @openstage/spec and @openstage/reference-impl, generated from the source.',
  },
  {
    title: 'Conformance',
    to: '/conformance',
    summary: 'How implementations fare against the conformance suite, requirement by requirement.',
  },
];

export default function Home(): ReactNode {
  const chapters = requirementIndex.chapters.length;
  const requirements = requirementIndex.requirements.length;
  return (
    <Layout
      title="Openstage"
      description="An open standard for plugin-based TypeScript backends in the style of Backstage's backend system."
    >
      <header className={styles.hero}>
        <div className="container">
          <h1 className={styles.title}>Openstage</h1>
          <p className={styles.tagline}>
            An open standard for plugin-based TypeScript backends, modelled on Backstage&apos;s
            backend system: a specification with numbered requirements, a reference implementation
            that runs Backstage plugins unmodified, and a conformance suite that checks any
            implementation against the spec.
          </p>
          <div className={styles.actions}>
            <Link className="button button--primary button--lg" to="/guides/getting-started">
              Get started
            </Link>
            <Link className="button button--secondary button--lg" to="/spec/reading-the-spec">
              Read the spec
            </Link>
          </div>
          <p className={styles.stats}>
            Specification {requirementIndex.specVersion}: {chapters} chapters,{' '}
            <Link to="/requirements">{requirements} requirements</Link>.
          </p>
        </div>
      </header>
      <main className="container margin-vert--lg">
        <ul className={styles.sections}>
          {SECTIONS.map((section) => (
            <li key={section.to} className={styles.section}>
              <h2>
                <Link to={section.to}>{section.title}</Link>
              </h2>
              <p>{section.summary}</p>
            </li>
          ))}
        </ul>
      </main>
    </Layout>
  );
}
