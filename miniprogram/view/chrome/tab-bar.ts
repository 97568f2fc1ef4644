import type { TabBarConfig, TabTap } from '../../protocol';

/**
 * app.json's tabBar as a desktop tab strip: real buttons in a tablist, arrow keys move between tabs,
 * focus rings visible, colours from app.json; at the top or bottom as `position` says.
 */
export class TabBar {
  readonly element = document.createElement('nav');
  private readonly buttons: HTMLButtonElement[] = [];
  private readonly config: TabBarConfig;
  /** wx.hideTabBar: hidden on tab pages too, until showTabBar */
  private forcedHidden = false;
  private route: string | undefined;

  constructor(
    initial: TabBarConfig,
    onSelect: (pagePath: string, tab: TabTap) => void,
    resolveUrl: (path: string) => string,
  ) {
    // a copy: setTabBarStyle / setTabBarItem change it while the app runs
    const config = (this.config = { ...initial, list: initial.list.map((item) => ({ ...item })) });
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
      // item.text follows setTabBarItem (the list is this bar's own copy)
      button.addEventListener('click', () => onSelect(item.pagePath, { index, text: item.text }));
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
    this.route = route;
    const isTab = this.config.list.some((item) => item.pagePath === route);
    this.element.hidden = !isTab || this.forcedHidden;
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

  /** the tab bar APIs (setTabBarBadge, showTabBarRedDot, setTabBarItem, setTabBarStyle, show/hideTabBar) */
  setBadge(index: number, text: string | undefined): void {
    const button = this.buttons[index];
    if (!button) return;
    button.querySelector('.wx-tab-badge')?.remove();
    if (text === undefined) return;
    const badge = document.createElement('span');
    badge.className = text === '' ? 'wx-tab-badge wx-tab-dot' : 'wx-tab-badge';
    badge.textContent = text;
    badge.setAttribute('aria-label', text === '' ? 'new' : text);
    button.append(badge);
  }

  setItem(index: number, item: { text?: string; iconPath?: string; selectedIconPath?: string }, resolveUrl: (path: string) => string): void {
    const button = this.buttons[index];
    const entry = this.config.list[index];
    if (!button || !entry) return;
    if (item.text !== undefined) {
      entry.text = item.text;
      const label = button.querySelector('span:not(.wx-tab-badge)');
      if (label) label.textContent = item.text;
    }
    const icon = button.querySelector<HTMLImageElement>('.wx-tab-icon');
    if (icon && item.iconPath) icon.dataset['icon'] = resolveUrl(item.iconPath);
    if (icon && item.selectedIconPath) icon.dataset['selected'] = resolveUrl(item.selectedIconPath);
    this.select(this.route);
  }

  setStyle(style: { color?: string; selectedColor?: string; backgroundColor?: string; borderStyle?: string }): void {
    if (style.color) this.config.color = style.color;
    if (style.selectedColor) this.config.selectedColor = style.selectedColor;
    if (style.backgroundColor) this.element.style.backgroundColor = this.config.backgroundColor = style.backgroundColor;
    if (style.borderStyle) this.element.style.setProperty('--wx-tab-border', style.borderStyle === 'white' ? 'rgba(255,255,255,0.3)' : 'rgba(0,0,0,0.12)');
    this.select(this.route);
  }

  setVisible(visible: boolean): void {
    this.forcedHidden = !visible;
    this.select(this.route);
  }
}
