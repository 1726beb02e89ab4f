import { TestBed } from '@angular/core/testing';
import { StatusPanelComponent } from './status-panel.component';

describe('StatusPanelComponent', () => {
  it('shows status, database mode and version', async () => {
    const fixture = TestBed.createComponent(StatusPanelComponent);
    fixture.componentRef.setInput('health', {
      status: 'ready',
      version: '1.2.3',
      database: { mode: 'embedded', up: true },
    });
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[data-testid=status]')?.textContent).toBe('ready');
    expect(el.querySelector('[data-testid=database]')?.textContent).toContain('embedded · up');
    expect(el.querySelector('[data-testid=version]')?.textContent).toBe('1.2.3');
  });

  it('marks an unavailable server', async () => {
    const fixture = TestBed.createComponent(StatusPanelComponent);
    fixture.componentRef.setInput('health', {
      status: 'unavailable',
      version: '1',
      database: { mode: 'server', up: false },
    });
    await fixture.whenStable();
    const status = (fixture.nativeElement as HTMLElement).querySelector('[data-testid=status]');
    expect(status?.classList.contains('bad')).toBe(true);
  });
});
