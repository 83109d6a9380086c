<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AccessPanel</name>
    <message>
        <source>Easier to see and read</source>
        <translation>Легче видеть и читать</translation>
    </message>
    <message>
        <source>Standard text</source>
        <translation>Обычный текст</translation>
    </message>
    <message>
        <source>Large text</source>
        <translation>Крупный текст</translation>
    </message>
    <message>
        <source>Largest text</source>
        <translation>Самый крупный текст</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Размер текста</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Высокий контраст</translation>
    </message>
    <message>
        <source>White and yellow on black</source>
        <translation>Белый и жёлтый на чёрном</translation>
    </message>
    <message>
        <source>Less motion</source>
        <translation>Меньше движения</translation>
    </message>
    <message>
        <source>No moving light and no fades</source>
        <translation>Без движущегося света и плавных переходов</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>Close these settings</source>
        <translation>Закрыть эти настройки</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message>
        <source>Start screen</source>
        <translation>Начальный экран</translation>
    </message>
    <message>
        <source>Touch anywhere to begin</source>
        <translation>Коснитесь в любом месте, чтобы начать</translation>
    </message>
    <message>
        <source>Touch the screen to begin</source>
        <translation>Коснитесь экрана, чтобы начать</translation>
    </message>
    <message>
        <source>Text size, contrast and motion</source>
        <translation>Размер текста, контраст и движение</translation>
    </message>
    <message>
        <source>Larger text, high contrast or less motion</source>
        <translation>Крупнее текст, выше контраст или меньше движения</translation>
    </message>
</context>
<context>
    <name>ContentDesk</name>
    <message>
        <source>Checking...</source>
        <translation>Проверка...</translation>
    </message>
    <message>
        <source>Working...</source>
        <translation>Выполняется...</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>the last good version stays on screen</source>
        <translation>на экране остаётся последняя исправная версия</translation>
    </message>
    <message>
        <source>nothing can be shown until they are fixed</source>
        <translation>пока они не исправлены, показать ничего нельзя</translation>
    </message>
    <message>
        <source>the content is shown</source>
        <translation>содержимое показано</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n ошибка</numerusform>
            <numerusform>%n ошибки</numerusform>
            <numerusform>%n ошибок</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n предупреждение</numerusform>
            <numerusform>%n предупреждения</numerusform>
            <numerusform>%n предупреждений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>... and %n more</source>
        <translation>
            <numerusform>... и ещё %n</numerusform>
            <numerusform>... и ещё %n</numerusform>
            <numerusform>... и ещё %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Statement</source>
        <translation>Заявление</translation>
    </message>
    <message>
        <source>The full text</source>
        <translation>Полный текст</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Хронология</translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation>С %1 по %2 год</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Цифры</translation>
    </message>
    <message>
        <source>Killed, injured, missing</source>
        <translation>Погибшие, раненые, пропавшие без вести</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <source>Still there?</source>
        <translation>Вы ещё здесь?</translation>
    </message>
    <message>
        <source>Touch anywhere to keep your choices. Otherwise the exhibit starts afresh for the next visitor.</source>
        <translation>Коснитесь в любом месте, чтобы сохранить выбранные настройки. Иначе экспозиция начнётся заново для следующего посетителя.</translation>
    </message>
    <message>
        <source>Touch anywhere to keep reading. Otherwise the exhibit returns to the start.</source>
        <translation>Коснитесь в любом месте, чтобы продолжить чтение. Иначе экспозиция вернётся к началу.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Продолжить</translation>
    </message>
    <message>
        <source>Stay on this screen</source>
        <translation>Остаться на этом экране</translation>
    </message>
    <message>
        <source>Seconds until the exhibit starts afresh</source>
        <translation>Секунды до того, как экспозиция начнётся заново</translation>
    </message>
    <message>
        <source>Seconds until the exhibit returns to the start</source>
        <translation>Секунд до возврата к началу</translation>
    </message>
</context>
<context>
    <name>LanguageNames</name>
    <message>
        <source>English</source>
        <translation>английском языке</translation>
    </message>
    <message>
        <source>Azerbaijani</source>
        <translation>азербайджанском языке</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>русском языке</translation>
    </message>
    <message>
        <source>Shown in %1</source>
        <translation>Показано на %1</translation>
    </message>
</context>
<context>
    <name>LanguageSwitch</name>
    <message>
        <source>Choose the language</source>
        <translation>Выберите язык</translation>
    </message>
</context>
<context>
    <name>NavigationBar</name>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Главная</translation>
    </message>
    <message>
        <source>Return to the previous screen</source>
        <translation>Вернуться на предыдущий экран</translation>
    </message>
    <message>
        <source>Return to the three choices</source>
        <translation>Вернуться к трём разделам</translation>
    </message>
    <message>
        <source>Text size, contrast and motion</source>
        <translation>Размер текста, контраст и движение</translation>
    </message>
    <message>
        <source>Larger text, high contrast or less motion</source>
        <translation>Крупнее текст, выше контраст или меньше движения</translation>
    </message>
</context>
<context>
    <name>OutOfOrder</name>
    <message>
        <source>This exhibit is resting. Please come back later.</source>
        <translation>Экспозиция временно не работает. Пожалуйста, приходите позже.</translation>
    </message>
</context>
<context>
    <name>PinEntry</name>
    <message>
        <source>No staff PIN is set. On this machine, run: kiosk staff set-pin</source>
        <translation>PIN-код сотрудника не задан. На этом компьютере выполните: kiosk staff set-pin</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in %1 s.</source>
        <translation>Слишком много неверных PIN-кодов. Повторите через %1 с.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Неверный PIN-код.</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Staff PIN</source>
        <translation>PIN-код сотрудника</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Стереть</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>ОК</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>ProblemWords</name>
    <message>
        <source>The data folder %1 cannot be written (%2): visit counts, the health report and the record of wrong PINs are not saved.</source>
        <translation>В папку данных %1 нельзя записывать (%2): счётчики посещений, отчёт о состоянии и учёт неверных PIN-кодов не сохраняются.</translation>
    </message>
    <message>
        <source>The log folder %1 cannot be written (%2): the log goes to the journal only.</source>
        <translation>В папку журнала %1 нельзя записывать (%2): журнал пишется только в системный журнал.</translation>
    </message>
    <message>
        <source>Visit counts are off for this run: %1.</source>
        <translation>Счётчики посещений отключены до перезапуска: %1.</translation>
    </message>
    <message>
        <source>Content version changed since it was installed, so it is not shown: %1.</source>
        <translation>Версия содержимого изменена после установки, поэтому не показывается: %1.</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>диск доступен только для чтения</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>диск заполнен</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>нет прав доступа</translation>
    </message>
</context>
<context>
    <name>SourceBlock</name>
    <message>
        <source>From the Statement</source>
        <translation>Из заявления</translation>
    </message>
</context>
<context>
    <name>StaffPanel</name>
    <message>
        <source>Staff</source>
        <translation>Сотрудник</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Заблокировать</translation>
    </message>
    <message>
        <source>CONTENT</source>
        <translation>СОДЕРЖИМОЕ</translation>
    </message>
    <message>
        <source>Check content now</source>
        <translation>Проверить содержимое</translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>Откатить</translation>
    </message>
    <message>
        <source>Return to the factory exhibit</source>
        <translation>Вернуть исходную экспозицию</translation>
    </message>
    <message>
        <source>CONTENT PACKS FOUND</source>
        <translation>НАЙДЕННЫЕ ПАКЕТЫ СОДЕРЖИМОГО</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>No .kioskpack files in the watched folders.</source>
        <translation>В отслеживаемых папках нет файлов .kioskpack.</translation>
    </message>
    <message>
        <source>Today, per hour (UTC)</source>
        <translation>Сегодня, по часам (UTC)</translation>
    </message>
    <message>
        <source>The last seven days</source>
        <translation>Последние семь дней</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>без названия</translation>
    </message>
    <message>
        <source>the factory exhibit &apos;%1&apos;</source>
        <translation>исходная экспозиция «%1»</translation>
    </message>
    <message>
        <source>made %1</source>
        <translation>создан %1</translation>
    </message>
    <message>
        <source>Showing: %1</source>
        <translation>Показывается: %1</translation>
    </message>
    <message>
        <source>installed %1</source>
        <translation>установлен %1</translation>
    </message>
    <message>
        <source>signed by key %1</source>
        <translation>подписан ключом %1</translation>
    </message>
    <message>
        <source>not signed</source>
        <translation>без подписи</translation>
    </message>
    <message>
        <source>%1 - showing now</source>
        <translation>%1 — показывается сейчас</translation>
    </message>
    <message>
        <source>  Changed since it was installed, so it is not shown: %1. Install its pack again to repair it.</source>
        <translation>  Изменён после установки, поэтому не показывается: %1. Чтобы исправить, установите его пакет заново.</translation>
    </message>
    <message>
        <source>Last check: %1, %2</source>
        <translation>Последняя проверка: %1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n ошибка</numerusform>
            <numerusform>%n ошибки</numerusform>
            <numerusform>%n ошибок</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n предупреждение</numerusform>
            <numerusform>%n предупреждения</numerusform>
            <numerusform>%n предупреждений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Checked: %n error(s). Visitors keep seeing the last good content.</source>
        <translation>
            <numerusform>Проверено: %n ошибка. Посетители по-прежнему видят последнее исправное содержимое.</numerusform>
            <numerusform>Проверено: %n ошибки. Посетители по-прежнему видят последнее исправное содержимое.</numerusform>
            <numerusform>Проверено: %n ошибок. Посетители по-прежнему видят последнее исправное содержимое.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Checked: no errors, %n warning(s).</source>
        <translation>
            <numerusform>Проверено: ошибок нет, %n предупреждение.</numerusform>
            <numerusform>Проверено: ошибок нет, %n предупреждения.</numerusform>
            <numerusform>Проверено: ошибок нет, %n предупреждений.</numerusform>
        </translation>
    </message>
    <message>
        <source>Checked: no errors, no warnings.</source>
        <translation>Проверено: ни ошибок, ни предупреждений.</translation>
    </message>
    <message>
        <source>Installed. Visitors see it from the next start screen.</source>
        <translation>Установлено. Посетители увидят его со следующего начального экрана.</translation>
    </message>
    <message>
        <source>This pack was installed already; it was checked again and is the one shown from the next start screen.</source>
        <translation>Этот пакет уже был установлен; он проверен заново и будет показываться со следующего начального экрана.</translation>
    </message>
    <message>
        <source>Done. Visitors see %1 from the next start screen.</source>
        <translation>Готово. Со следующего начального экрана будет показываться: %1.</translation>
    </message>
    <message>
        <source>Refused: this pack is not signed by a key this kiosk trusts.</source>
        <translation>Отклонено: пакет не подписан ключом, которому доверяет этот киоск.</translation>
    </message>
    <message>
        <source>Refused: this pack is older than what this kiosk has. Nothing was changed.</source>
        <translation>Отклонено: этот пакет старше содержимого киоска. Ничего не изменено.</translation>
    </message>
    <message>
        <source>Refused: the pack file is damaged. Copy it onto the stick again.</source>
        <translation>Отклонено: файл пакета повреждён. Скопируйте его на USB-накопитель заново.</translation>
    </message>
    <message>
        <source>Refused: the exhibit in this pack has mistakes. Nothing was changed.</source>
        <translation>Отклонено: в экспозиции из этого пакета есть ошибки. Ничего не изменено.</translation>
    </message>
    <message>
        <source>Not done: the kiosk&apos;s disk is full.</source>
        <translation>Не выполнено: диск киоска заполнен.</translation>
    </message>
    <message>
        <source>Not done: the kiosk&apos;s disk cannot be written.</source>
        <translation>Не выполнено: на диск киоска нельзя записывать.</translation>
    </message>
    <message>
        <source>Nothing to roll back to.</source>
        <translation>Откатываться некуда.</translation>
    </message>
    <message>
        <source>Not done. Nothing was changed.</source>
        <translation>Не выполнено. Ничего не изменено.</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Подробности: %1</translation>
    </message>
    <message>
        <source>%1 was made %2, before the content this kiosk has (made %3). Install the older pack anyway?</source>
        <translation>%1 создан %2, раньше содержимого этого киоска (создано %3). Всё равно установить более старый пакет?</translation>
    </message>
    <message>
        <source>Install the older pack</source>
        <translation>Установить более старый пакет</translation>
    </message>
    <message>
        <source>Problems:</source>
        <translation>Проблемы:</translation>
    </message>
    <message>
        <source>Roll back: show %1?</source>
        <translation>Откатить? Будет показываться: %1.</translation>
    </message>
    <message>
        <source>Show %1, bundled with the kiosk?</source>
        <translation>Показывать то, что поставляется с киоском: %1?</translation>
    </message>
    <message>
        <source>STATION CONFIGURATION</source>
        <translation>НАСТРОЙКИ СТАНЦИИ</translation>
    </message>
    <message>
        <source>STATION</source>
        <translation>СТАНЦИЯ</translation>
    </message>
    <message>
        <source>VISITS</source>
        <translation>ПОСЕЩЕНИЯ</translation>
    </message>
    <message>
        <source>Export the counts to the USB stick</source>
        <translation>Выгрузить счётчики на USB-накопитель</translation>
    </message>
    <message>
        <source>Test pattern</source>
        <translation>Тестовое изображение</translation>
    </message>
    <message>
        <source>Out of order</source>
        <translation>Не работает</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Перезапустить</translation>
    </message>
    <message>
        <source>Exit to the desktop</source>
        <translation>Выйти на рабочий стол</translation>
    </message>
    <message>
        <source>No problems.</source>
        <translation>Проблем нет.</translation>
    </message>
    <message>
        <source>Safe defaults are used where the configuration is wrong:</source>
        <translation>Там, где настройки ошибочны, используются безопасные значения по умолчанию:</translation>
    </message>
    <message>
        <source>%1: showing now
%2</source>
        <translation>%1: показывается сейчас
%2</translation>
    </message>
    <message>
        <source>%1: installed already
%2</source>
        <translation>%1: уже установлен
%2</translation>
    </message>
    <message>
        <source>Install the older %1
%2</source>
        <translation>Установить более старый %1
%2</translation>
    </message>
    <message>
        <source>Install %1
%2</source>
        <translation>Установить %1
%2</translation>
    </message>
    <message>
        <source>Install %1? It is checked first; visitors see it from the next start screen.</source>
        <translation>Установить %1? Сначала пакет будет проверен; посетители увидят его со следующего начального экрана.</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>Установить</translation>
    </message>
    <message>
        <source>Restart the kiosk now?</source>
        <translation>Перезапустить киоск сейчас?</translation>
    </message>
    <message>
        <source>Leave the exhibit for the desktop? Visitors will see the desktop.</source>
        <translation>Выйти из экспозиции на рабочий стол? Посетители увидят рабочий стол.</translation>
    </message>
</context>
<context>
    <name>StatementScreen</name>
    <message>
        <source>The Statement</source>
        <translation>Заявление</translation>
    </message>
    <message>
        <source>Slide a finger up or down to read</source>
        <translation>Проведите пальцем вверх или вниз, чтобы читать</translation>
    </message>
</context>
<context>
    <name>StationDesk</name>
    <message numerus="yes">
        <source>uptime %1 h %2 min; starts %n</source>
        <translation>
            <numerusform>работает %1 ч %2 мин; %n запуск</numerusform>
            <numerusform>работает %1 ч %2 мин; %n запуска</numerusform>
            <numerusform>работает %1 ч %2 мин; %n запусков</numerusform>
        </translation>
    </message>
    <message>
        <source>uptime %1 h %2 min</source>
        <translation>работает %1 ч %2 мин</translation>
    </message>
    <message>
        <source>memory %1 MiB; content %2</source>
        <translation>память %1 МиБ; содержимое %2</translation>
    </message>
    <message>
        <source>kiosk %1, Qt %2, PySide6 %3</source>
        <translation>киоск %1, Qt %2, PySide6 %3</translation>
    </message>
    <message>
        <source>last error: %1</source>
        <translation>последняя ошибка: %1</translation>
    </message>
</context>
<context>
    <name>TestPattern</name>
    <message>
        <source>Close the test pattern</source>
        <translation>Закрыть тестовое изображение</translation>
    </message>
    <message>
        <source>Back to the staff panel</source>
        <translation>Вернуться к панели сотрудника</translation>
    </message>
</context>
<context>
    <name>TimelineScreen</name>
    <message>
        <source>Previous moment</source>
        <translation>Предыдущее событие</translation>
    </message>
    <message>
        <source>Next moment</source>
        <translation>Следующее событие</translation>
    </message>
    <message>
        <source>Show the earlier moment</source>
        <translation>Показать более раннее событие</translation>
    </message>
    <message>
        <source>Show the later moment</source>
        <translation>Показать более позднее событие</translation>
    </message>
</context>
<context>
    <name>VisitsDesk</name>
    <message>
        <source>No visits counted yet.</source>
        <translation>Посещений пока не было.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>Visits today (UTC): %1</source>
        <translation>Посещений сегодня (UTC): %1</translation>
    </message>
    <message numerus="yes">
        <source>Visits, last %n day(s): %1</source>
        <translation>
            <numerusform>Посещений за последний %n день: %1</numerusform>
            <numerusform>Посещений за последние %n дня: %1</numerusform>
            <numerusform>Посещений за последние %n дней: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Screens viewed, last %n day(s): %1</source>
        <translation>
            <numerusform>Просмотренные экраны за последний %n день: %1</numerusform>
            <numerusform>Просмотренные экраны за последние %n дня: %1</numerusform>
            <numerusform>Просмотренные экраны за последние %n дней: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Languages chosen, last %n day(s): %1</source>
        <translation>
            <numerusform>Выбранные языки за последний %n день: %1</numerusform>
            <numerusform>Выбранные языки за последние %n дня: %1</numerusform>
            <numerusform>Выбранные языки за последние %n дней: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reading aids chosen, last %n day(s): %1</source>
        <translation>
            <numerusform>Выбранные настройки чтения за последний %n день: %1</numerusform>
            <numerusform>Выбранные настройки чтения за последние %n дня: %1</numerusform>
            <numerusform>Выбранные настройки чтения за последние %n дней: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Visit lengths, last %n day(s): %1</source>
        <translation>
            <numerusform>Длительность посещений за последний %n день: %1</numerusform>
            <numerusform>Длительность посещений за последние %n дня: %1</numerusform>
            <numerusform>Длительность посещений за последние %n дней: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Idle resets, last %n day(s): %1</source>
        <translation>
            <numerusform>Сбросов из-за бездействия за последний %n день: %1</numerusform>
            <numerusform>Сбросов из-за бездействия за последние %n дня: %1</numerusform>
            <numerusform>Сбросов из-за бездействия за последние %n дней: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No USB stick or watched folder is present.</source>
        <translation>Нет USB-накопителя или отслеживаемой папки.</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Сохранено: %1</translation>
    </message>
</context>
</TS>
