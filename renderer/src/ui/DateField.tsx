import { DateInput, DatesProvider, type DateInputProps } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import 'dayjs/locale/zh-cn';
import { isIsoDate } from '../../../shared/domain/dates';
import { currentLanguage } from '../app/i18n';
import { tidyDate } from '../lib/dates';

type Props = Omit<DateInputProps, 'value' | 'onChange' | 'dateParser' | 'valueFormat' | 'excludeDate' | 'minDate' | 'maxDate'> & {
  value: string | null;
  onChange: (day: string | null) => void;
  /** Days that cannot be picked (rest days), greyed out in the calendar. */
  exclude?: (day: string) => boolean;
  min?: string;
  max?: string;
};

/**
 * A day typed the way the desk writes it (2026/3/1, 20260301 ...) or picked from a month
 * calendar that starts on Monday and greys out the days that cannot be chosen.
 */
export function DateField({ value, onChange, exclude, min, max, ...props }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const label = (key: string) => t(`app.dateField.${key}`);
  return (
    <DatesProvider settings={{ locale: lang === 'zh-CN' ? 'zh-cn' : 'en', firstDayOfWeek: 1, weekendDays: [0, 6] }}>
      <DateInput
        value={value}
        onChange={onChange}
        valueFormat="YYYY-MM-DD"
        dateParser={(typed) => {
          const day = tidyDate(typed);
          return isIsoDate(day) ? day : null;
        }}
        excludeDate={exclude}
        minDate={min}
        maxDate={max}
        inputMode="numeric"
        // The month and year headings keep their own text as their name (the month shown).
        ariaLabels={{
          previousMonth: label('previousMonth'),
          nextMonth: label('nextMonth'),
          previousYear: label('previousYear'),
          nextYear: label('nextYear'),
          previousDecade: label('previousDecade'),
          nextDecade: label('nextDecade'),
        }}
        {...props}
      />
    </DatesProvider>
  );
}
