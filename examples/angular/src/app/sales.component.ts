import '@atliq/components';
import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import type { AtliqSelectDetail } from '@atliq/components/elements';

@Component({
  selector: 'app-sales',
  // Lets the template use tags with a dash that Angular does not know (the atliq-* elements), with their
  // attributes and events.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <main>
      <h1>Revenue by market</h1>
      <atliq-revenue-chart
        src="/extracts/manifest.json"
        by="market"
        style="display: block; height: 400px"
        (atliq-select)="onSelect($event)"
      ></atliq-revenue-chart>
      <p>Selected: <output>{{ selected() || 'nothing' }}</output></p>
    </main>
  `,
})
export class SalesComponent {
  protected readonly selected = signal('');

  protected onSelect(event: CustomEvent<AtliqSelectDetail>): void {
    this.selected.set(`${event.detail.dimension}=${String(event.detail.value)}`);
  }
}
