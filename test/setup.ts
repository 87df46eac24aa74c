// Component tests opt into jsdom with `// @vitest-environment jsdom`; these helpers are harmless in node.
import { configure } from '@testing-library/dom';
import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';

// Testing Library's default wait is one second, which a loaded 2-core CI machine overran
// (issue 15): every findBy…/waitFor waits up to 15 s unless a test says otherwise. A wait ends as
// soon as its condition holds, so a generous limit costs nothing when the machine is idle.
configure({ asyncUtilTimeout: 15_000 });
