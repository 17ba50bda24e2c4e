/// <reference types="vite/client" />
// Every <atliq-*> tag's attributes, typed in templates (vue-tsc, Volar).
/// <reference types="@atliq/components/vue" />
