/**
 * The two constructors WXS code gets instead of `new RegExp`/`new Date` (WeChat's WXS documentation,
 * "RegExp" and "Date"). The template compiler's runtime has neither, but it prepends an "extra runtime
 * script" to every compiled group, in the scope where WXS module bodies run, so they are defined there:
 * plain variables, no globals touched, no eval.
 */
export const WXS_RUNTIME_SCRIPT = [
  'var getRegExp=function(pattern,flags){return new RegExp(pattern,flags)};',
  'var getDate=function(){return new Date(...arguments)};',
].join('');
