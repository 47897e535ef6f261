/** Offers `text` as a file download: a Blob behind a temporary link, so the data never sits in a URL the host sees. */
export function downloadFile(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once it starts; the object URL can go after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
