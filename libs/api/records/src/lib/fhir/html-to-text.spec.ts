import { htmlToText } from './html-to-text';

describe('htmlToText', () => {
  it('drops scripts and styles with their content and keeps the prose', () => {
    const text = htmlToText(
      '<p>Chest pain.</p><script>alert("x")</script><style>p{}</style><p>Resolved &amp; discharged.</p>',
    );
    expect(text).toBe('Chest pain.\nResolved & discharged.');
  });

  it('removes event-handler markup entirely and decodes entities into text, not tags', () => {
    expect(htmlToText('<img src=x onerror="alert(1)">Seen &lt;b&gt; today')).toBe('Seen <b> today');
  });

  it('drops an unterminated script tag', () => {
    expect(htmlToText('Note<script src="//evil">')).toBe('Note');
  });

  it('turns line breaks and list items into new lines', () => {
    expect(htmlToText('<ul><li>one</li><li>two</li></ul>a<br/>b')).toBe('one\ntwo\n\na\nb');
  });
});
