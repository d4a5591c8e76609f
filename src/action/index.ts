/** The action's entry point (bundled to dist/action/index.js, run by the runner with node24). */
import { run } from './main.js';

void run();
