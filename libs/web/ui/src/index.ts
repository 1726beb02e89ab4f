export * from './lib/shell/shell-layout.component';
export * from './lib/status-panel/status-panel.component';
export * from './lib/chart/chart-canvas.component';
