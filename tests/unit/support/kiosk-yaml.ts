/** A clinic open 09:00 to 17:00 on weekdays in London, waking the screen three minutes early. */
export const WEEKDAYS_9_TO_5 = `title: Clinic
timezone: Europe/London
schedule:
  mon: 09:00-17:00
  tue: 09:00-17:00
  wed: 09:00-17:00
  thu: 09:00-17:00
  fri: 09:00-17:00
  wake_minutes: 3
`;
