import * as glassEasel from 'glass-easel';

export interface LaunchInfo {
  path: string;
  query: Record<string, string>;
  scene: number;
  referrerInfo: Record<string, unknown>;
}

/**
 * `App()` and `getApp()`. The object passed to App() is the app instance (WeChat's behaviour: its
 * functions run with it as `this`, and `getApp().globalData` is the object's own field).
 */
export class AppHolder {
  private instance: Record<string, unknown> | undefined;
  private readonly fallback: Record<string, unknown> = { globalData: {} };

  readonly App = (definition: unknown): void => {
    if (this.instance) throw new Error('App() can only be called once (in app.js)');
    if (!definition || typeof definition !== 'object') throw new Error('App() needs an object');
    this.instance = definition as Record<string, unknown>;
  };

  /** like WeChat, getApp() before App() gives a placeholder rather than undefined */
  readonly getApp = (): Record<string, unknown> => this.instance ?? this.fallback;

  hasOnError(): boolean {
    return this.has('onError');
  }

  /** the App() object defines this handler (onPageNotFound changes what the runtime does without one) */
  has(name: string): boolean {
    return typeof this.instance?.[name] === 'function';
  }

  /** runs an App lifecycle; a throw becomes an app error like any other */
  call(name: string, args: unknown[]): void {
    const fn = this.instance?.[name];
    if (typeof fn !== 'function') return;
    glassEasel.safeCallback(`App ${name}`, fn as (...a: unknown[]) => unknown, this.instance, args);
  }

  /** onError without going through glass-easel's error listeners again (a throwing onError must not loop) */
  callOnError(message: string): void {
    const fn = this.instance?.['onError'];
    if (typeof fn !== 'function') return;
    try {
      (fn as (m: string) => void).call(this.instance, message);
    } catch (e) {
      console.error('App.onError threw', e);
    }
  }
}
