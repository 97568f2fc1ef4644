import type { PageWindow } from '../../protocol';
import { NO_ANIMATION, type ColorAnimation } from './nav-bar-layers';

/**
 * The navigation bar the runtime draws above a page: back button (when the page can go back), title, the
 * page's colours. A desktop title bar, not a phone's status area: no capsule, no fake clock.
 */
export class NavBar {
  readonly element = document.createElement('header');
  private readonly back = document.createElement('button');
  private readonly title = document.createElement('h1');
  private readonly loading = document.createElement('span');

  constructor(onBack: () => void) {
    this.element.className = 'wx-navbar';
    this.back.type = 'button';
    this.back.className = 'wx-navbar-back';
    this.back.setAttribute('aria-label', 'Back');
    this.back.title = 'Back (Alt+Left)';
    this.back.textContent = '‹';
    this.back.addEventListener('click', onBack);
    this.title.className = 'wx-navbar-title';
    this.loading.className = 'wx-navbar-loading';
    this.loading.setAttribute('role', 'progressbar');
    this.loading.setAttribute('aria-label', 'Loading');
    this.loading.hidden = true;
    this.element.append(this.back, this.loading, this.title);
  }

  /** `animation`: how a colour change shows (a <navigation-bar>'s color-animation-*); none by default */
  render(window: PageWindow, animation: ColorAnimation = NO_ANIMATION): void {
    this.element.hidden = window.navigationStyle === 'custom';
    // set before the colours, so that this change is the one that animates
    const { duration, easing } = animation;
    this.element.style.transition = duration > 0 ? `background-color ${duration}ms ${easing}, color ${duration}ms ${easing}` : '';
    this.element.style.backgroundColor = window.navigationBarBackgroundColor;
    this.element.dataset['text'] = window.navigationBarTextStyle;
    this.title.textContent = window.navigationBarTitleText;
    this.back.hidden = !window.canGoBack;
    this.loading.hidden = !window.navigationBarLoading;
    if (document.title !== window.navigationBarTitleText) document.title = window.navigationBarTitleText;
  }
}
