import Quill, { Parchment } from 'quill/core';
import { BlockEmbed } from 'quill/blots/block';
import Inline from 'quill/blots/inline';
import { AlignClass } from 'quill/formats/align';
import Bold from 'quill/formats/bold';
import { ColorStyle } from 'quill/formats/color';
import { DirectionClass } from 'quill/formats/direction';
import Header from 'quill/formats/header';
import Image from 'quill/formats/image';
import Indent from 'quill/formats/indent';
import Italic from 'quill/formats/italic';
import Link from 'quill/formats/link';
import List, { ListContainer } from 'quill/formats/list';
import Script from 'quill/formats/script';
import Strike from 'quill/formats/strike';
import Underline from 'quill/formats/underline';

/**
 * The formats of WeChat's EditorContext.format table on Quill: Quill's own blots where the names match
 * (bold, italic, underline, strike, script, header, align, direction, indent, list, color, link), and for the
 * rest WeChat's camelCase names as inline styles (color-like and font-* styles on the text) or block styles
 * (margins, paddings, line height and text indent on the paragraph). Part of the editor bundle only.
 */

/** WeChat's `ins` format: an <ins> around the text (Quill has none) */
class Ins extends Inline {
  static override blotName = 'ins';
  static override tagName = 'INS';
}

/** insertDivider's horizontal rule, a line of its own */
class Divider extends BlockEmbed {
  static override blotName = 'divider';
  static override tagName = 'HR';
}

/** the img attributes insertImage documents: size, alt text, the extClass class, `data` as data-custom */
const IMAGE_ATTRIBUTES = ['alt', 'height', 'width', 'class', 'data-custom'];

class EditorImage extends Image {
  static override formats(domNode: Element): Record<string, string> {
    const formats: Record<string, string> = {};
    for (const name of IMAGE_ATTRIBUTES) {
      const value = domNode.getAttribute(name);
      if (value !== null) formats[name] = value;
    }
    return formats;
  }

  override format(name: string, value: string): void {
    if (!IMAGE_ATTRIBUTES.includes(name)) return super.format(name, value);
    if (value) this.domNode.setAttribute(name, String(value));
    else this.domNode.removeAttribute(name);
  }
}

const INLINE_STYLES: Record<string, string> = {
  backgroundColor: 'background-color',
  font: 'font',
  fontSize: 'font-size',
  fontStyle: 'font-style',
  fontVariant: 'font-variant',
  fontWeight: 'font-weight',
  fontFamily: 'font-family',
  letterSpacing: 'letter-spacing',
  textDecoration: 'text-decoration',
};

const BLOCK_STYLES: Record<string, string> = {
  margin: 'margin',
  marginTop: 'margin-top',
  marginBottom: 'margin-bottom',
  marginLeft: 'margin-left',
  marginRight: 'margin-right',
  padding: 'padding',
  paddingTop: 'padding-top',
  paddingBottom: 'padding-bottom',
  paddingLeft: 'padding-left',
  paddingRight: 'padding-right',
  lineHeight: 'line-height',
  textIndent: 'text-indent',
};

function styles(table: Record<string, string>, scope: Parchment.Scope): Record<string, Parchment.StyleAttributor> {
  const out: Record<string, Parchment.StyleAttributor> = {};
  for (const [name, css] of Object.entries(table)) out[`formats/${name}`] = new Parchment.StyleAttributor(name, css, { scope });
  return out;
}

let registered = false;

export function registerEditorFormats(): void {
  if (registered) return;
  registered = true;
  Quill.register(
    {
      'formats/bold': Bold,
      'formats/italic': Italic,
      'formats/underline': Underline,
      'formats/strike': Strike,
      'formats/ins': Ins,
      'formats/script': Script,
      'formats/header': Header,
      'formats/align': AlignClass,
      'formats/direction': DirectionClass,
      'formats/indent': Indent,
      'formats/list': List,
      'formats/list-container': ListContainer,
      'formats/color': ColorStyle,
      'formats/link': Link,
      'formats/image': EditorImage,
      'formats/divider': Divider,
      ...styles(INLINE_STYLES, Parchment.Scope.INLINE),
      ...styles(BLOCK_STYLES, Parchment.Scope.BLOCK),
    },
    true,
  );
}
