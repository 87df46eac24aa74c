// Component tests opt into jsdom with `// @vitest-environment jsdom`; these helpers are harmless in node.
import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
