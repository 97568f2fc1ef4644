import type { TabBarConfig } from '../../protocol';

/**
 * app.json's tabBar as a desktop tab strip: real buttons in a tablist, arrow keys move between tabs,
 * focus rings visible, colours from app.json; at the top or bottom as `position` says.
 */
export class TabBar {
  readonly element = document.createElement('nav');
  private readonly buttons: HTMLButtonElement[] = [];

  constructor(
    private readonly config: TabBarConfig,
    onSelect: (pagePath: string) => void,
    resolveUrl: (path: string) => string,
  ) {
    this.element.className = 'wx-tabbar';
    this.element.dataset['position'] = config.position;
    this.element.setAttribute('role', 'tablist');
    this.element.style.backgroundColor = config.backgroundColor;
    this.element.style.setProperty('--wx-tab-border', config.borderStyle === 'white' ? 'rgba(255,255,255,0.3)' : 'rgba(0,0,0,0.12)');
    config.list.forEach((item, index) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'wx-tab';
      button.setAttribute('role', 'tab');
      button.dataset['pagePath'] = item.pagePath;
      // icons only at the bottom, as WeChat draws them; a top tab bar is text only
      if (item.iconPath && config.position === 'bottom') {
        const icon = document.createElement('img');
        icon.className = 'wx-tab-icon';
        icon.alt = '';
        icon.dataset['icon'] = resolveUrl(item.iconPath);
        if (item.selectedIconPath) icon.dataset['selected'] = resolveUrl(item.selectedIconPath);
        button.append(icon);
      }
      const label = document.createElement('span');
      label.textContent = item.text;
      button.append(label);
      button.addEventListener('click', () => onSelect(item.pagePath));
      button.addEventListener('keydown', (ev) => {
        const step = ev.key === 'ArrowRight' ? 1 : ev.key === 'ArrowLeft' ? -1 : 0;
        if (!step) return;
        ev.preventDefault();
        this.buttons[(index + step + this.buttons.length) % this.buttons.length]?.focus();
      });
      this.buttons.push(button);
      this.element.append(button);
    });
  }

  /** shows the bar when `route` is a tab page, with that tab selected */
  select(route: string | undefined): void {
    const isTab = this.config.list.some((item) => item.pagePath === route);
    this.element.hidden = !isTab;
    for (const button of this.buttons) {
      const selected = button.dataset['pagePath'] === route;
      button.setAttribute('aria-selected', String(selected));
      button.tabIndex = selected ? 0 : -1;
      button.style.color = selected ? this.config.selectedColor : this.config.color;
      const icon = button.querySelector<HTMLImageElement>('.wx-tab-icon');
      const src = selected ? (icon?.dataset['selected'] ?? icon?.dataset['icon']) : icon?.dataset['icon'];
      if (icon && src && icon.getAttribute('src') !== src) icon.src = src;
    }
  }
}
