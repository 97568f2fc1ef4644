/**
 * The browser host's way to save a file: a download started by the page. (The desktop shell's session
 * refuses downloads; there the host writes the file after a native save dialog, see ShellClient.saveFile.)
 */
export function downloadText(doc: Document, fileName: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  doc.body.appendChild(link);
  link.click();
  link.remove();
  // Give the download a moment to start before the URL goes away.
  doc.defaultView?.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
