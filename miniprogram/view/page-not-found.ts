/**
 * What WeChat shows when the page a launch asks for is not in the package and onPageNotFound did not route
 * elsewhere: the client's own "page not found" page. Here it is drawn by the runtime over the page area,
 * and it goes as soon as a page is shown (a later wx.reLaunch, for instance).
 */
const CLASS = 'wx-page-not-found';

export function showPageNotFound(container: HTMLElement, path: string): void {
  hidePageNotFound(container);
  const box = document.createElement('div');
  box.className = CLASS;
  box.setAttribute('role', 'alert');
  const title = document.createElement('h1');
  title.textContent = 'Page not found';
  const detail = document.createElement('p');
  detail.textContent = `This mini program has no page "${path}".`;
  box.append(title, detail);
  container.append(box);
}

export function hidePageNotFound(container: HTMLElement): void {
  for (const el of container.querySelectorAll(`.${CLASS}`)) el.remove();
}
