import { glassEasel } from 'glass-easel-miniprogram-adapter';

type OnAttached = (component: glassEasel.GeneralComponent) => void;

/**
 * Components' `ready` lifetime ("在组件在视图层布局完成后执行"): glass-easel defines it but leaves firing
 * it to the framework, so without this a component's ready never ran. glass-easel fires `attached`
 * through Component.prototype.triggerLifetime (parents before their children), so one wrapper there
 * learns of every attached component; each runtime registers for the backend context its components
 * render to (two runtimes in one process, as in unit tests, never see each other's components).
 */
const listeners = new WeakMap<object, OnAttached>();
let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  const proto = glassEasel.Component.prototype as unknown as {
    triggerLifetime(this: glassEasel.GeneralComponent, name: string, args: unknown[]): void;
  };
  const original = proto.triggerLifetime;
  proto.triggerLifetime = function triggerLifetime(this: glassEasel.GeneralComponent, name: string, args: unknown[]) {
    original.call(this, name, args);
    if (name !== 'attached') return;
    const context = this.getBackendContext();
    const listener = context ? listeners.get(context) : undefined;
    listener?.(this);
  };
}

/**
 * Fires `ready` on each component once the view has applied the render batch that drew it: queued when
 * it is attached, so a page's components are ready after onLoad/onShow and before the page's onReady
 * (registered later on the same queue), WeChat's order. A component detached before that never gets it.
 */
export function fireReadyAfterCommit(backendContext: object, afterCommit: (callback: () => void) => void): void {
  install();
  listeners.set(backendContext, (component) => {
    afterCommit(() => {
      if (glassEasel.Element.isAttached(component)) component.triggerLifetime('ready', []);
    });
  });
}
