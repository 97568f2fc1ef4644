import { numberAttr, stringAttr } from './attr-values';
import { defineBuiltin, truthy } from './registry';
import { VideoControls } from './video-controls';
import { registerVideoPlayer } from './video-calls';
import { DanmuLayer } from './video-danmu';

const OBJECT_FITS = new Set(['contain', 'fill', 'cover']);

/** WeChat reports playback progress every 250 ms; Chromium's own timeupdate comes about that often, never faster here */
const TIMEUPDATE_MS = 240;

const MEDIA_ERRORS: Record<number, string> = {
  1: 'MEDIA_ERR_ABORTED',
  2: 'MEDIA_ERR_NETWORK',
  3: 'MEDIA_ERR_DECODE',
  4: 'MEDIA_ERR_SRC_NOT_SUPPORTED',
};

/** requestFullScreen's direction (0, 90, -90) as fullscreenchange names it; none: from the picture's shape */
function directionName(direction: number | undefined, video: HTMLVideoElement): 'vertical' | 'horizontal' {
  if (direction === 0) return 'vertical';
  if (direction === 90 || direction === -90) return 'horizontal';
  return video.videoHeight > video.videoWidth ? 'vertical' : 'horizontal';
}

/**
 * <video>: the browser's video element under WeChat's attributes, events and controls (video-controls.ts), with
 * danmaku (video-danmu.ts) and VideoContext's methods (video-calls.ts). 300x225 by default as in WeChat.
 * Events carry WeChat's detail: timeupdate {currentTime, duration}, loadedmetadata {width, height, duration},
 * progress {buffered} (percent), seekcomplete {position} (s), fullscreenchange {fullScreen, direction},
 * controlstoggle {show}, error {errMsg}; play, pause, ended and waiting carry {}.
 */
defineBuiltin({
  tag: 'video',
  create: (ctx) => {
    const element = document.createElement('wx-video');
    element.tabIndex = 0;
    element.setAttribute('aria-label', 'Video');
    const video = document.createElement('video');
    video.playsInline = true;
    video.preload = 'metadata';
    video.disablePictureInPicture = true;
    const title = document.createElement('div');
    title.className = 'wx-video-title';
    const slot = document.createElement('div');
    slot.className = 'wx-video-slot';
    const danmu = new DanmuLayer();

    let controlsOn = true;
    let poster = '';
    let initialTime = 0;
    let initialApplied = false;
    let durationAttr = 0;
    let directionAttr: number | undefined;
    let playGesture = false;
    let fullScreen = false;
    let lastTimeUpdate = -Infinity;
    let lastBuffered = -1;
    /** seeks the player makes itself (stop, initial-time) are not the user's: no seekcomplete */
    let quietSeek = false;

    const shownDuration = () => (durationAttr > 0 ? durationAttr : Number.isFinite(video.duration) ? video.duration : 0);
    const play = () => {
      if (!video.currentSrc && !video.getAttribute('src')) return;
      // refused (the browser's autoplay policy before any user input) or interrupted by a pause: stays paused
      video.play().catch((e: unknown) => {
        if (!(e instanceof DOMException && e.name === 'AbortError')) console.warn('video: could not start playback', e);
      });
    };
    const togglePlay = () => (video.paused ? play() : video.pause());

    const setFullScreen = (on: boolean, direction: 'vertical' | 'horizontal') => {
      if (on === fullScreen) return;
      fullScreen = on;
      element.toggleAttribute('data-fullscreen', on);
      controls.fullScreen(on);
      ctx.emit('fullscreenchange', { fullScreen: on, direction });
    };
    let fullDirection: 'vertical' | 'horizontal' = 'horizontal';
    const requestFullScreen = (direction: number | undefined) => {
      if (fullScreen) return;
      fullDirection = directionName(direction ?? directionAttr, video);
      // the screen when the browser allows it (a click on the button); otherwise the app's window
      const real = typeof element.requestFullscreen === 'function' ? element.requestFullscreen() : Promise.reject(new Error('no Fullscreen API'));
      real.catch(() => setFullScreen(true, fullDirection));
    };
    const exitFullScreen = () => {
      if (document.fullscreenElement === element) void document.exitFullscreen().catch(() => undefined);
      else setFullScreen(false, fullDirection);
    };
    // fired at the element going in or out of the screen (listening on the document would outlive the node)
    element.addEventListener('fullscreenchange', () => {
      if (document.fullscreenElement === element) setFullScreen(true, fullDirection);
      else if (fullScreen) setFullScreen(false, fullDirection);
    });

    const controls = new VideoControls(element, video, {
      togglePlay,
      toggleFullScreen: () => (fullScreen ? exitFullScreen() : requestFullScreen(undefined)),
      toggleDanmu: () => {
        danmu.setVisible(!danmu.shown);
        controls.danmuOn(danmu.shown);
      },
      seek: (seconds) => {
        video.currentTime = seconds;
      },
      toggled: (show) => {
        if (controlsOn) ctx.emit('controlstoggle', { show });
      },
    });
    controls.setPart('progress', undefined);
    element.append(video, danmu.element, title, controls.center, controls.bar, slot);

    video.addEventListener('play', () => {
      element.toggleAttribute('data-playing', true);
      controls.playing(true);
      danmu.setPaused(false);
      ctx.emit('play', {});
    });
    video.addEventListener('pause', () => {
      element.toggleAttribute('data-playing', false);
      controls.playing(false);
      danmu.setPaused(true);
      ctx.emit('pause', {});
    });
    video.addEventListener('ended', () => ctx.emit('ended', {}));
    video.addEventListener('waiting', () => ctx.emit('waiting', {}));
    video.addEventListener('error', () => {
      const error = video.error;
      ctx.emit('error', { errMsg: error ? (MEDIA_ERRORS[error.code] ?? 'MEDIA_ERR_UNKNOWN') : 'MEDIA_ERR_UNKNOWN' });
    });
    video.addEventListener('loadedmetadata', () => {
      if (initialTime > 0 && !initialApplied) {
        initialApplied = true;
        quietSeek = true;
        video.currentTime = initialTime;
      }
      controls.time(video.currentTime, shownDuration());
      ctx.emit('loadedmetadata', { width: video.videoWidth, height: video.videoHeight, duration: video.duration });
    });
    video.addEventListener('seeked', () => {
      controls.time(video.currentTime, shownDuration());
      danmu.tick(video.currentTime);
      if (quietSeek) quietSeek = false;
      else ctx.emit('seekcomplete', { position: video.currentTime });
    });
    video.addEventListener('timeupdate', () => {
      controls.time(video.currentTime, shownDuration());
      danmu.tick(video.currentTime);
      if (!ctx.listens('timeupdate')) return;
      const now = performance.now();
      // the last one when playback stops is always sent, so the page sees where it stopped
      if (now - lastTimeUpdate < TIMEUPDATE_MS && !video.paused) return;
      lastTimeUpdate = now;
      ctx.emit('timeupdate', { currentTime: video.currentTime, duration: shownDuration() });
    });
    // a small file can be fetched whole before its duration is known: its one `progress` comes too early to count
    const reportBuffered = () => {
      const total = video.duration;
      if (!ctx.listens('progress') || !Number.isFinite(total) || total <= 0 || video.buffered.length === 0) return;
      const buffered = Math.min(100, Math.round((video.buffered.end(video.buffered.length - 1) / total) * 100));
      if (buffered === lastBuffered) return;
      lastBuffered = buffered;
      ctx.emit('progress', { buffered });
    };
    for (const type of ['progress', 'loadeddata', 'canplaythrough', 'suspend']) video.addEventListener(type, reportBuffered);
    video.addEventListener('dblclick', () => {
      if (playGesture) togglePlay();
    });
    element.addEventListener('keydown', (ev) => {
      if (ev.key === 'Escape' && fullScreen) {
        exitFullScreen();
        return;
      }
      // the bar's own buttons and slider handle their keys; these are for the focused player itself
      if (ev.target !== element) return;
      if (ev.key === ' ' || ev.key === 'Enter') {
        ev.preventDefault();
        if (!ev.repeat) togglePlay();
      } else if (ev.key === 'ArrowLeft' || ev.key === 'ArrowRight') {
        ev.preventDefault();
        video.currentTime = Math.max(0, video.currentTime + (ev.key === 'ArrowLeft' ? -5 : 5));
      }
    });

    const showPoster = () => {
      if (controlsOn && poster) video.poster = ctx.resolveUrl(poster);
      else video.removeAttribute('poster');
    };
    const setObjectFit = (value: unknown) => {
      const fit = OBJECT_FITS.has(String(value)) ? String(value) : 'contain';
      video.style.objectFit = fit;
      element.dataset['objectFit'] = fit;
    };
    setObjectFit('contain');

    registerVideoPlayer(element, {
      play,
      pause: () => video.pause(),
      stop: () => {
        video.pause();
        if (video.currentTime !== 0) {
          quietSeek = true;
          video.currentTime = 0;
        }
      },
      seek: (position) => {
        if (Number.isFinite(position)) video.currentTime = Math.max(0, position);
      },
      playbackRate: (rate) => {
        if (Number.isFinite(rate) && rate > 0) video.playbackRate = rate;
      },
      requestFullScreen,
      exitFullScreen,
      sendDanmu: (data) => danmu.send(data),
    });

    return {
      element,
      children: slot,
      set(name, value) {
        switch (name) {
          case 'src': {
            const src = stringAttr(value);
            initialApplied = false;
            lastBuffered = -1;
            if (src) video.src = ctx.resolveUrl(src);
            else video.removeAttribute('src');
            return true;
          }
          case 'controls':
            controlsOn = value === undefined || value === null ? true : truthy(value);
            controls.bar.hidden = !controlsOn;
            element.toggleAttribute('data-no-controls', !controlsOn);
            showPoster();
            return true;
          case 'poster':
            poster = stringAttr(value);
            showPoster();
            return true;
          case 'autoplay':
            video.autoplay = truthy(value);
            if (video.autoplay && video.paused && video.readyState > 0) play();
            return true;
          case 'loop':
            video.loop = truthy(value);
            return true;
          case 'muted':
            video.muted = truthy(value);
            return true;
          case 'initial-time':
            initialTime = Math.max(0, numberAttr(value, 0));
            return true;
          case 'duration':
            durationAttr = Math.max(0, numberAttr(value, 0));
            controls.time(video.currentTime, shownDuration());
            return true;
          case 'object-fit':
            setObjectFit(value);
            return true;
          case 'show-progress':
            controls.setPart('progress', value === undefined || value === null ? undefined : truthy(value));
            return true;
          case 'show-fullscreen-btn':
            controls.setPart('fullscreen', truthy(value));
            return true;
          case 'show-play-btn':
            controls.setPart('play', truthy(value));
            return true;
          case 'show-mute-btn':
            controls.setPart('mute', truthy(value));
            return true;
          case 'danmu-btn':
            controls.setPart('danmu', truthy(value));
            return true;
          case 'show-center-play-btn':
            controls.center.hidden = !truthy(value);
            return true;
          case 'play-btn-position':
            element.dataset['playBtnPosition'] = value === 'center' ? 'center' : 'bottom';
            return true;
          case 'enable-danmu':
            danmu.setVisible(truthy(value));
            controls.danmuOn(danmu.shown);
            return true;
          case 'danmu-list':
            danmu.setList(value);
            return true;
          case 'title':
            title.textContent = stringAttr(value);
            element.setAttribute('aria-label', stringAttr(value) || 'Video');
            return true;
          case 'direction':
            directionAttr = value === undefined || value === null || value === '' ? undefined : numberAttr(value, 0);
            return true;
          case 'enable-play-gesture':
            playGesture = truthy(value);
            return true;
          // touch gestures and phone-only behaviour: nothing to do with a mouse and a window
          case 'enable-progress-gesture':
          case 'page-gesture':
          case 'vslide-gesture':
          case 'vslide-gesture-in-fullscreen':
          case 'auto-pause-if-navigate':
          case 'auto-pause-if-open-native':
          case 'show-casting-button':
          case 'show-screen-lock-button':
          case 'show-snapshot-button':
          case 'show-background-playback-button':
          case 'background-poster':
          case 'picture-in-picture-mode':
          case 'picture-in-picture-show-progress':
          case 'enable-auto-rotation':
          case 'referrer-policy':
          case 'is-drm':
          case 'is-live':
          case 'certificate-url':
          case 'license-url':
          case 'provision-url':
          case 'poster-for-crawler':
          case 'ad-unit-id':
            return true;
          default:
            return false;
        }
      },
    };
  },
});
