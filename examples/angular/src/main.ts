import { bootstrapApplication } from '@angular/platform-browser';
import { setEngineFiles } from '@atliq/components';
import { SalesComponent } from './app/sales.component';

// Angular's builder does not emit the files a library names with new URL(…, import.meta.url): angular.json copies
// the engine's worker and wasm from @atliq/sdk into engine/, and this says where they are (before the first query).
setEngineFiles('engine/');

bootstrapApplication(SalesComponent).catch((error: unknown) => console.error(error));
