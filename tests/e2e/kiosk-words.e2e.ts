import { ANY_SCREEN, expect, slideHeading, tapScreen, test } from './support/preview';

/** What a patient reads on the buttons and the counter in each language of the fixture. */
const LANGUAGES = [
  {
    button: 'Deutsch',
    lang: 'de',
    words: ['Zurück', 'Alle Themen', 'Mehr lesen', 'Zum Anfang', 'Weiter'],
    counter: '1 von 2',
    close: 'Schließen',
    topics: 'Thema wählen',
  },
  {
    button: 'العربية (مصر)',
    lang: 'ar-EG',
    words: ['السابق', 'كل المواضيع', 'اعرف المزيد', 'إلى البداية', 'التالي'],
    // Arabic as written in Egypt: Arabic-Indic digits, as Intl gives for ar-EG.
    counter: '١ من ٢',
    close: 'إغلاق',
    topics: 'اختر موضوعًا',
  },
  {
    button: '中文',
    lang: 'zh',
    words: ['上一页', '全部主题', '了解更多', '返回首页', '下一页'],
    counter: '1 / 2',
    close: '关闭',
    topics: '选择主题',
  },
  {
    button: 'हिन्दी',
    lang: 'hi',
    words: ['पिछला', 'सभी विषय', 'और जानें', 'शुरुआत', 'अगला'],
    counter: '2 में से 1',
    close: 'बंद करें',
    topics: 'विषय चुनें',
  },
  {
    button: 'Українська',
    lang: 'uk',
    words: ['Назад', 'Усі теми', 'Докладніше', 'На початок', 'Далі'],
    counter: '1 з 2',
    close: 'Закрити',
    topics: 'Оберіть тему',
  },
  {
    button: 'Tiếng Việt',
    lang: 'vi',
    words: ['Trước', 'Tất cả chủ đề', 'Xem thêm', 'Về đầu', 'Tiếp'],
    counter: '1 trên 2',
    close: 'Đóng',
    topics: 'Chọn chủ đề',
  },
];

test.describe('the kiosk’s own words', () => {
  test.use({ content: 'languages-many' });

  test(
    'are in the language on screen: the prompt, every button, the counter and the panels',
    ANY_SCREEN,
    async ({ kiosk }) => {
      await expect(kiosk.getByText('Für mehr Informationen bitte berühren')).toBeVisible();
      await expect(kiosk.getByText('1 von 2', { exact: true })).toBeVisible();
      await tapScreen(kiosk);
      for (const language of LANGUAGES) {
        await kiosk.getByRole('button', { name: language.button }).click();
        await expect(kiosk.locator('html')).toHaveAttribute('lang', language.lang);
        const bar = kiosk.getByRole('navigation');
        await expect(bar).toHaveAttribute('lang', language.lang);
        await expect(bar.getByRole('button')).toHaveText(language.words);
        await expect(kiosk.getByText(language.counter, { exact: true })).toBeVisible();
        await bar.getByRole('button', { name: language.words[1] }).click();
        const topics = kiosk.getByRole('dialog', { name: language.topics });
        await expect(topics).toBeVisible();
        await topics.getByRole('button', { name: language.close }).click();
        await expect(topics).toBeHidden();
      }
    },
  );

  test(
    'ask "Still there?" in the language on screen, with its plural form and digits',
    ANY_SCREEN,
    async ({ kiosk }) => {
      await tapScreen(kiosk);
      await kiosk.getByRole('button', { name: 'Українська' }).click();
      await kiosk.clock.runFor(6000);
      const prompt = kiosk.getByRole('alertdialog', { name: 'Ви ще тут?' });
      await expect(prompt).toBeVisible();
      await expect(prompt.getByText('Повернення на початок через 3 секунди.')).toBeVisible();
      await expect(prompt.getByRole('button', { name: 'Я ще тут' })).toBeVisible();
      await tapScreen(kiosk);
      await expect(prompt).toBeHidden();

      await kiosk.getByRole('button', { name: 'العربية (مصر)' }).click();
      await expect(kiosk.locator('html')).toHaveAttribute('dir', 'rtl');
      await kiosk.clock.runFor(6000);
      const arabic = kiosk.getByRole('alertdialog', { name: 'هل ما زلت هنا؟' });
      await expect(arabic.getByText('٣', { exact: true })).toBeVisible();
      await expect(arabic.getByText('العودة إلى البداية بعد ٣ ثوانٍ.')).toBeVisible();
      await kiosk.clock.runFor(3000);
      await expect(slideHeading(kiosk, 'Erste Folie')).toBeVisible();
      await expect(kiosk.getByText('Für mehr Informationen bitte berühren')).toBeVisible();
    },
  );
});
