// The source view with JavaScript: a click on a line points the address at it (#L12), to copy or share; selecting
// text does not. Without JavaScript the lines still read, and links to a line still land on it.
export function lineLinks(list: HTMLOListElement): void {
  list.addEventListener('click', (e) => {
    if (getSelection()?.toString()) return;
    const line = (e.target as Element).closest('li');
    if (line?.id) location.hash = line.id;
  });
}
