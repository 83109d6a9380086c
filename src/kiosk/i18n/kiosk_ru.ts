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
    <name>ChannelLines</name>
    <message>
        <source>installed a new version</source>
        <translation>установлена новая версия</translation>
    </message>
    <message>
        <source>up to date</source>
        <translation>актуально</translation>
    </message>
    <message>
        <source>a new version is waiting for its date</source>
        <translation>новая версия ждёт своей даты</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>отклонено</translation>
    </message>
    <message>
        <source>the channel could not be reached</source>
        <translation>канал недоступен</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>не удалось</translation>
    </message>
    <message>
        <source>Content channel: none</source>
        <translation>Канал содержимого: нет</translation>
    </message>
    <message>
        <source>Content channel: %1</source>
        <translation>Канал содержимого: %1</translation>
    </message>
    <message>
        <source>Installed from the channel: nothing yet</source>
        <translation>Установлено из канала: пока ничего</translation>
    </message>
    <message>
        <source>Installed from the channel: sequence %1 (%2)</source>
        <translation>Установлено из канала: порядковый номер %1 (%2)</translation>
    </message>
    <message>
        <source>Last channel check: never</source>
        <translation>Последняя проверка канала: не было</translation>
    </message>
    <message>
        <source>Last channel check: %1, %2</source>
        <translation>Последняя проверка канала: %1, %2</translation>
    </message>
    <message>
        <source>Waiting: sequence %1, shown from %2</source>
        <translation>Ожидает: порядковый номер %1, показ с %2</translation>
    </message>
    <message numerus="yes">
        <source>Last channel error (%n failed check(s) in a row): %1</source>
        <translation>
            <numerusform>Последняя ошибка канала (%n неудачная проверка подряд): %1</numerusform>
            <numerusform>Последняя ошибка канала (%n неудачные проверки подряд): %1</numerusform>
            <numerusform>Последняя ошибка канала (%n неудачных проверок подряд): %1</numerusform>
        </translation>
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
    <name>FindingsView</name>
    <message>
        <source>Summary of the findings</source>
        <translation>Сводка замечаний</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Замечания</translation>
    </message>
    <message>
        <source>Choose a finding to go to its field (Enter or a click)</source>
        <translation>Выберите замечание, чтобы перейти к его полю (Enter или щелчок)</translation>
    </message>
    <message>
        <source>No findings: the exhibit is ready to publish.</source>
        <translation>Замечаний нет: экспозиция готова к публикации.</translation>
    </message>
    <message>
        <source>%1 errors, %2 warnings: fix the errors before publishing.</source>
        <translation>Ошибок: %1, предупреждений: %2. Исправьте ошибки перед публикацией.</translation>
    </message>
    <message>
        <source>%1 warnings: the exhibit can be published.</source>
        <translation>Предупреждений: %1. Экспозицию можно опубликовать.</translation>
    </message>
    <message>
        <source>error</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>предупреждение</translation>
    </message>
</context>
<context>
    <name>FormField</name>
    <message>
        <source>Seconds before &apos;Still there?&apos;</source>
        <translation>Секунд до вопроса «Вы ещё здесь?»</translation>
    </message>
    <message>
        <source>Seconds of the countdown</source>
        <translation>Секунд обратного отсчёта</translation>
    </message>
    <message>
        <source>Reduce motion</source>
        <translation>Уменьшить движение</translation>
    </message>
    <message>
        <source>No ambient light, no transitions</source>
        <translation>Без фонового света и переходов</translation>
    </message>
    <message>
        <source>Background colour</source>
        <translation>Цвет фона</translation>
    </message>
    <message>
        <source>Surface colour</source>
        <translation>Цвет поверхности</translation>
    </message>
    <message>
        <source>Text colour</source>
        <translation>Цвет текста</translation>
    </message>
    <message>
        <source>Muted text colour</source>
        <translation>Цвет второстепенного текста</translation>
    </message>
    <message>
        <source>Accent colour</source>
        <translation>Акцентный цвет</translation>
    </message>
    <message>
        <source>Title text size</source>
        <translation>Размер заголовка</translation>
    </message>
    <message>
        <source>Heading text size</source>
        <translation>Размер подзаголовков</translation>
    </message>
    <message>
        <source>Reading text size</source>
        <translation>Размер основного текста</translation>
    </message>
    <message>
        <source>Small print size</source>
        <translation>Размер мелкого текста</translation>
    </message>
    <message>
        <source>Figure number size</source>
        <translation>Размер цифр</translation>
    </message>
    <message>
        <source>Main button size (mm)</source>
        <translation>Размер основных кнопок (мм)</translation>
    </message>
    <message>
        <source>Smallest button size (mm)</source>
        <translation>Наименьший размер кнопки (мм)</translation>
    </message>
    <message>
        <source>Screen pixels per millimetre</source>
        <translation>Пикселей экрана на миллиметр</translation>
    </message>
    <message>
        <source>Date as written</source>
        <translation>Дата, как написано</translation>
    </message>
    <message>
        <source>Picture of the moment</source>
        <translation>Изображение события</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <source>The exhibit&apos;s title, on the start and home screens.</source>
        <translation>Название экспозиции на начальном и главном экранах.</translation>
    </message>
    <message>
        <source>Default language</source>
        <translation>Основной язык</translation>
    </message>
    <message>
        <source>The language a visit starts in.</source>
        <translation>Язык, на котором начинается посещение.</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Языки</translation>
    </message>
    <message>
        <source>Languages offered.</source>
        <translation>Предлагаемые языки.</translation>
    </message>
    <message>
        <source>Seconds without input before &apos;Still there?&apos;.</source>
        <translation>Секунд без касаний до вопроса «Вы ещё здесь?».</translation>
    </message>
    <message>
        <source>Countdown seconds; WCAG 2.2.1 asks at least 20.</source>
        <translation>Секунд обратного отсчёта; WCAG 2.2.1 требует не меньше 20.</translation>
    </message>
    <message>
        <source>The background colour, like &quot;#1A1A1A&quot;.</source>
        <translation>Цвет фона, например &quot;#1A1A1A&quot;.</translation>
    </message>
    <message>
        <source>The surface colour, like &quot;#1A1A1A&quot;.</source>
        <translation>Цвет поверхности, например &quot;#1A1A1A&quot;.</translation>
    </message>
    <message>
        <source>The text colour, like &quot;#1A1A1A&quot;.</source>
        <translation>Цвет текста, например &quot;#1A1A1A&quot;.</translation>
    </message>
    <message>
        <source>The muted colour, like &quot;#1A1A1A&quot;.</source>
        <translation>Второстепенный цвет, например &quot;#1A1A1A&quot;.</translation>
    </message>
    <message>
        <source>The accent colour, like &quot;#1A1A1A&quot;.</source>
        <translation>Акцентный цвет, например &quot;#1A1A1A&quot;.</translation>
    </message>
    <message>
        <source>The start screen&apos;s title.</source>
        <translation>Заголовок начального экрана.</translation>
    </message>
    <message>
        <source>Headings and large choices.</source>
        <translation>Заголовки и крупные кнопки выбора.</translation>
    </message>
    <message>
        <source>Reading text.</source>
        <translation>Текст для чтения.</translation>
    </message>
    <message>
        <source>Small print: sources, buttons.</source>
        <translation>Мелкий текст: источники, кнопки.</translation>
    </message>
    <message>
        <source>The casualty figures&apos; numbers.</source>
        <translation>Числа о жертвах.</translation>
    </message>
    <message>
        <source>Smallest side of main buttons, in millimetres.</source>
        <translation>Наименьшая сторона основных кнопок, в миллиметрах.</translation>
    </message>
    <message>
        <source>Smallest side of any button, in millimetres.</source>
        <translation>Наименьшая сторона любой кнопки, в миллиметрах.</translation>
    </message>
    <message>
        <source>Pixels per millimetre, or auto.</source>
        <translation>Пикселей на миллиметр или auto.</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <source>The heading, e.g. STATEMENT.</source>
        <translation>Заголовок, например ЗАЯВЛЕНИЕ.</translation>
    </message>
    <message>
        <source>Subtitle</source>
        <translation>Подзаголовок</translation>
    </message>
    <message>
        <source>The line under the heading.</source>
        <translation>Строка под заголовком.</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Автор заявления</translation>
    </message>
    <message>
        <source>Who issued the statement.</source>
        <translation>Кто выпустил заявление.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>The date of issue, as 2026-01-20.</source>
        <translation>Дата выпуска, например 2026-01-20.</translation>
    </message>
    <message>
        <source>The date of issue as printed.</source>
        <translation>Дата выпуска, как она напечатана.</translation>
    </message>
    <message>
        <source>Paragraphs</source>
        <translation>Абзацы</translation>
    </message>
    <message>
        <source>The paragraphs.</source>
        <translation>Абзацы.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>Идентификатор</translation>
    </message>
    <message>
        <source>A short unique name; also the rendered image&apos;s name.</source>
        <translation>Короткое уникальное имя; также имя отрисованного изображения.</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Год</translation>
    </message>
    <message>
        <source>The year on the timeline&apos;s rail.</source>
        <translation>Год на шкале хронологии.</translation>
    </message>
    <message>
        <source>The date as shown.</source>
        <translation>Дата в том виде, как она показана.</translation>
    </message>
    <message>
        <source>A short title, in the statement&apos;s words.</source>
        <translation>Короткий заголовок словами заявления.</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Подпись</translation>
    </message>
    <message>
        <source>A caption built only from the statement&apos;s words.</source>
        <translation>Подпись, составленная только из слов заявления.</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>The statement&apos;s sentence this moment rests on, verbatim.</source>
        <translation>Предложение заявления, на котором основано это событие, дословно.</translation>
    </message>
    <message>
        <source>A PNG, JPEG or WebP file in the content folder.</source>
        <translation>Файл PNG, JPEG или WebP в папке содержимого.</translation>
    </message>
    <message>
        <source>A short unique name.</source>
        <translation>Короткое уникальное имя.</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>The number, as the statement gives it.</source>
        <translation>Число в том виде, как его даёт заявление.</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Надпись</translation>
    </message>
    <message>
        <source>What the number counts, in the statement&apos;s words.</source>
        <translation>Что означает число, словами заявления.</translation>
    </message>
    <message>
        <source>The statement&apos;s sentence the number comes from.</source>
        <translation>Предложение заявления, из которого взято число.</translation>
    </message>
</context>
<context>
    <name>FormView</name>
    <message>
        <source>Form of the selected item</source>
        <translation>Форма выбранного элемента</translation>
    </message>
    <message>
        <source>Choose an item in the outline to edit it.</source>
        <translation>Выберите элемент в структуре, чтобы его изменить.</translation>
    </message>
    <message>
        <source>Unlock to change the issued text...</source>
        <translation>Изменить официальный текст...</translation>
    </message>
    <message>
        <source>Unlock to change the issued text</source>
        <translation>Изменить официальный текст</translation>
    </message>
    <message>
        <source>Explains the seal first; the texts stay editable until the studio closes.</source>
        <translation>Сначала объясняет, что такое печать; тексты остаются доступными для изменения до закрытия студии.</translation>
    </message>
    <message>
        <source>Issued text — unlocked for this session. When you save, the changed words are shown and sealed only if you confirm.</source>
        <translation>Официальный текст — разблокирован на этот сеанс. При сохранении изменённые слова будут показаны и запечатаны только с вашего подтверждения.</translation>
    </message>
    <message>
        <source>Issued text — sealed: the statement&apos;s words are read-only.</source>
        <translation>Официальный текст — запечатан: слова заявления доступны только для чтения.</translation>
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
    <name>LineEditor</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <source>no colour</source>
        <translation>цвет не задан</translation>
    </message>
    <message>
        <source>%1 swatch</source>
        <translation>%1: образец</translation>
    </message>
</context>
<context>
    <name>ListenButton</name>
    <message>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <source>Stop reading aloud for now</source>
        <translation>Приостановить чтение вслух</translation>
    </message>
    <message>
        <source>Listen</source>
        <translation>Слушать</translation>
    </message>
    <message>
        <source>Read this screen aloud</source>
        <translation>Прочитать этот экран вслух</translation>
    </message>
</context>
<context>
    <name>ListenDesk</name>
    <message>
        <source>Help. The arrow keys move between the controls; the 5 key presses the one you are on. 7 goes to the three choices, 1 goes back. 0 reads the screen aloud or pauses; while it reads, the star and slash keys go to the next or previous part. Plus and minus make it louder or softer.</source>
        <translation>Справка. Клавиши со стрелками переходят между элементами управления; клавиша 5 нажимает тот, на котором вы находитесь. 7 ведёт к трём разделам, 1 — назад. 0 читает экран вслух или ставит чтение на паузу; во время чтения клавиши «звёздочка» и «косая черта» переходят к следующей или предыдущей части. Плюс и минус делают звук громче или тише.</translation>
    </message>
    <message>
        <source>Still there? Press any key to go on. Otherwise the exhibit returns to the start.</source>
        <translation>Вы ещё здесь? Нажмите любую клавишу, чтобы продолжить. Иначе экспозиция вернётся к началу.</translation>
    </message>
    <message>
        <source>Volume changed</source>
        <translation>Громкость изменена</translation>
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
    <name>Notice</name>
    <message>
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Предупреждение</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>Совет</translation>
    </message>
</context>
<context>
    <name>NumberEditor</name>
    <message>
        <source>Not set</source>
        <translation>Не задано</translation>
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
    <name>OutlineView</name>
    <message>
        <source>Exhibit settings</source>
        <translation>Параметры экспозиции</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Заявление</translation>
    </message>
    <message>
        <source>Outline of the exhibit</source>
        <translation>Структура экспозиции</translation>
    </message>
    <message>
        <source>Alt+Up and Alt+Down move a moment or figure, Insert adds one, Delete removes it</source>
        <translation>Alt+Up и Alt+Down перемещают событие или цифру, Insert добавляет, Delete удаляет</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Add a moment or figure</source>
        <translation>Добавить событие или цифру</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Remove the selected moment or figure</source>
        <translation>Удалить выбранное событие или цифру</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Выше</translation>
    </message>
    <message>
        <source>Move the selection up</source>
        <translation>Переместить выбранное выше</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Ниже</translation>
    </message>
    <message>
        <source>Move the selection down</source>
        <translation>Переместить выбранное ниже</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Хронология</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Цифры</translation>
    </message>
    <message>
        <source>%1: could not be read</source>
        <translation>%1: не удалось прочитать</translation>
    </message>
</context>
<context>
    <name>ParagraphsEditor</name>
    <message>
        <source>Paragraph %1</source>
        <translation>Абзац %1</translation>
    </message>
</context>
<context>
    <name>PictureField</name>
    <message>
        <source>Choose a picture</source>
        <translation>Выберите изображение</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.webp);;All files (*)</source>
        <translation>Изображения (*.png *.jpg *.jpeg *.webp);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Choose picture...</source>
        <translation>Выбрать изображение...</translation>
    </message>
    <message>
        <source>Choose picture for %1</source>
        <translation>Выбрать изображение: %1</translation>
    </message>
    <message>
        <source>Remove picture</source>
        <translation>Убрать изображение</translation>
    </message>
    <message>
        <source>Remove picture from %1</source>
        <translation>Убрать изображение: %1</translation>
    </message>
    <message>
        <source>The file stays in the content folder.</source>
        <translation>Файл остаётся в папке содержимого.</translation>
    </message>
    <message>
        <source>No picture</source>
        <translation>Нет изображения</translation>
    </message>
    <message>
        <source>No preview (see the findings)</source>
        <translation>Нет предпросмотра (см. замечания)</translation>
    </message>
    <message>
        <source>%1

Add it all the same?</source>
        <translation>%1

Всё равно добавить?</translation>
    </message>
    <message>
        <source>A large picture</source>
        <translation>Большое изображение</translation>
    </message>
    <message>
        <source>Checking the picture</source>
        <translation>Проверка изображения</translation>
    </message>
    <message>
        <source>Checking &apos;%1&apos; as kiosk validate does...</source>
        <translation>&apos;%1&apos; проверяется так же, как в kiosk validate...</translation>
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
    <name>PreviewPane</name>
    <message>
        <source>The preview could not be drawn (the reason is in the log). It shows the last picture; the next change tries again.</source>
        <translation>Не удалось нарисовать предпросмотр (причина в журнале). Показан последний снимок; при следующем изменении попытка повторится.</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Предпросмотр</translation>
    </message>
    <message>
        <source>Screen size:</source>
        <translation>Размер экрана:</translation>
    </message>
    <message>
        <source>Screen size of the preview</source>
        <translation>Размер экрана для предпросмотра</translation>
    </message>
    <message>
        <source>portrait</source>
        <translation>книжная</translation>
    </message>
    <message>
        <source>landscape</source>
        <translation>альбомная</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <source>Language of the preview</source>
        <translation>Язык предпросмотра</translation>
    </message>
    <message>
        <source>The kiosk screen as visitors will see it</source>
        <translation>Экран киоска таким, каким его увидят посетители</translation>
    </message>
    <message>
        <source>The preview appears here once the exhibit can be read.</source>
        <translation>Предпросмотр появится здесь, когда экспозицию можно будет прочитать.</translation>
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
    <name>PublishDialog</name>
    <message>
        <source>Choose the signing key</source>
        <translation>Выбрать ключ подписи</translation>
    </message>
    <message>
        <source>Private keys (*.key);;All files (*)</source>
        <translation>Закрытые ключи (*.key);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Make a signing key pair</source>
        <translation>Создать пару ключей подписи</translation>
    </message>
    <message>
        <source>Private keys (*.key)</source>
        <translation>Закрытые ключи (*.key)</translation>
    </message>
    <message>
        <source>Choose the folder or USB stick for the pack</source>
        <translation>Выбрать папку или USB-накопитель для пакета</translation>
    </message>
    <message>
        <source>Publish the exhibit</source>
        <translation>Опубликовать экспозицию</translation>
    </message>
    <message>
        <source>Publishing checks this folder, packs it into one file, signs the file with your key and writes it to the folder you choose (a USB stick), then checks the written file as a kiosk will.</source>
        <translation>При публикации эта папка проверяется, упаковывается в один файл, файл подписывается вашим ключом и записывается в выбранную папку (на USB-накопитель), затем записанный файл проверяется так же, как его проверит киоск.</translation>
    </message>
    <message>
        <source>Signing key:</source>
        <translation>Ключ подписи:</translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation>Ключ подписи</translation>
    </message>
    <message>
        <source>Change key...</source>
        <translation>Сменить ключ...</translation>
    </message>
    <message>
        <source>Change the signing key</source>
        <translation>Сменить ключ подписи</translation>
    </message>
    <message>
        <source>New key...</source>
        <translation>Новый ключ...</translation>
    </message>
    <message>
        <source>Make a new signing key pair</source>
        <translation>Создать новую пару ключей подписи</translation>
    </message>
    <message>
        <source>About the signing key</source>
        <translation>О ключе подписи</translation>
    </message>
    <message>
        <source>Write to:</source>
        <translation>Записать в:</translation>
    </message>
    <message>
        <source>Folder or USB stick for the pack</source>
        <translation>Папка или USB-накопитель для пакета</translation>
    </message>
    <message>
        <source>Choose folder...</source>
        <translation>Выбрать папку...</translation>
    </message>
    <message>
        <source>Choose the folder for the pack</source>
        <translation>Выбрать папку для пакета</translation>
    </message>
    <message>
        <source>Publishing outcome</source>
        <translation>Итог публикации</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;Опубликовать</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Опубликовать</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>No key chosen yet</source>
        <translation>Ключ ещё не выбран</translation>
    </message>
    <message>
        <source>Choose key...</source>
        <translation>Выбрать ключ...</translation>
    </message>
    <message>
        <source>No key yet? New key... makes a pair once; keep the .key file safe.</source>
        <translation>Ключа ещё нет? «Новый ключ...» один раз создаёт пару; храните файл .key в надёжном месте.</translation>
    </message>
    <message>
        <source>This key cannot be read: %1</source>
        <translation>Этот ключ не удаётся прочитать: %1</translation>
    </message>
    <message>
        <source>This key cannot be used: %1</source>
        <translation>Этот ключ нельзя использовать: %1</translation>
    </message>
    <message>
        <source>Fingerprint %1: kiosks that trust its .pub file install these packs.</source>
        <translation>Отпечаток %1: киоски, доверяющие его файлу .pub, устанавливают эти пакеты.</translation>
    </message>
    <message>
        <source>Choose your signing key: the .key file &apos;kiosk pack keygen&apos; made.</source>
        <translation>Выберите свой ключ подписи: файл .key, созданный командой &apos;kiosk pack keygen&apos;.</translation>
    </message>
    <message>
        <source>Choose the folder or USB stick to write the pack to.</source>
        <translation>Выберите папку или USB-накопитель, куда записать пакет.</translation>
    </message>
    <message>
        <source>The key was not made: %1</source>
        <translation>Ключ не создан: %1</translation>
    </message>
    <message>
        <source>Made %1 (private: keep it secret, never copy it to a kiosk) and %2 (public: each kiosk trusts it with &apos;kiosk pack trust&apos;; compare the fingerprint %3).</source>
        <translation>Созданы %1 (закрытый: храните его в тайне, никогда не копируйте на киоск) и %2 (открытый: каждый киоск доверяет ему через &apos;kiosk pack trust&apos;; сверьте отпечаток %3).</translation>
    </message>
    <message>
        <source>Publishing: checking, packing, signing, writing and checking again...</source>
        <translation>Публикация: проверка, упаковка, подпись, запись и повторная проверка...</translation>
    </message>
    <message>
        <source>Published and checked.</source>
        <translation>Опубликовано и проверено.</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Файл: %1</translation>
    </message>
    <message>
        <source>Signed by key: %1</source>
        <translation>Подписано ключом: %1</translation>
    </message>
    <message>
        <source>Sequence: %1</source>
        <translation>Порядковый номер: %1</translation>
    </message>
    <message>
        <source>Not published: %1</source>
        <translation>Не опубликовано: %1</translation>
    </message>
    <message>
        <source>... and %1 more (see the findings)</source>
        <translation>... и ещё %1 (см. замечания)</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>ОК</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Сохранить все</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Да</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Да для &amp;всех</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Нет</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>Н&amp;ет для всех</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Прервать</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Пропустить</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Не сохранять</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Справка</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Применить</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Сбросить</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Восстановить значения по умолчанию</translation>
    </message>
</context>
<context>
    <name>ResealDialog</name>
    <message>
        <source>Seal the changed words?</source>
        <translation>Запечатать изменённые слова?</translation>
    </message>
    <message>
        <source>These words of the issued statement differ from the sealed ones:</source>
        <translation>Эти слова официального заявления отличаются от запечатанных:</translation>
    </message>
    <message>
        <source>Changed words</source>
        <translation>Изменённые слова</translation>
    </message>
    <message>
        <source>Seal them only if this is the issued text (a corrected statement, a new official translation). Don&apos;t seal saves your changes all the same; the checks then show each changed word until it is sealed or put back.</source>
        <translation>Запечатывайте, только если это официальный текст (исправленное заявление, новый официальный перевод). «Не запечатывать» всё равно сохраняет ваши изменения; тогда проверки показывают каждое изменённое слово, пока оно не будет запечатано или возвращено.</translation>
    </message>
    <message>
        <source>Seal</source>
        <translation>Запечатать</translation>
    </message>
    <message>
        <source>Don&apos;t seal</source>
        <translation>Не запечатывать</translation>
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
    <name>StudioWindow</name>
    <message>
        <source>Open an exhibit folder</source>
        <translation>Откройте папку экспозиции</translation>
    </message>
    <message>
        <source>Write the proof sheet</source>
        <translation>Запишите лист проверки</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation>Изображения PNG (*.png)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>Структура</translation>
    </message>
    <message>
        <source>Read-only file</source>
        <translation>Файл только для чтения</translation>
    </message>
    <message>
        <source>Form of the selected item</source>
        <translation>Форма выбранного элемента</translation>
    </message>
    <message>
        <source>Outline, form and preview</source>
        <translation>Структура, форма и предпросмотр</translation>
    </message>
    <message>
        <source>Screen:</source>
        <translation>Экран:</translation>
    </message>
    <message>
        <source>Preview screen</source>
        <translation>Экран предпросмотра</translation>
    </message>
    <message>
        <source>The selected item</source>
        <translation>Выбранный элемент</translation>
    </message>
    <message>
        <source>Attract</source>
        <translation>Начальный экран</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Главная</translation>
    </message>
    <message>
        <source>Statement, top</source>
        <translation>Заявление, начало</translation>
    </message>
    <message>
        <source>Statement, end</source>
        <translation>Заявление, конец</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Цифры</translation>
    </message>
    <message>
        <source>Preview of the kiosk screen</source>
        <translation>Предпросмотр экрана киоска</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Замечания</translation>
    </message>
    <message>
        <source>Preview and findings</source>
        <translation>Предпросмотр и замечания</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Open folder...</source>
        <translation>&amp;Открыть папку...</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Сохранить</translation>
    </message>
    <message>
        <source>&amp;Proof sheet...</source>
        <translation>&amp;Лист проверки...</translation>
    </message>
    <message>
        <source>P&amp;ublish...</source>
        <translation>О&amp;публиковать...</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>Unsaved changes found</source>
        <translation>Найдены несохранённые изменения</translation>
    </message>
    <message>
        <source>The studio closed last time with changes that were not saved. Restore them? (Discard keeps the files as they are.)</source>
        <translation>В прошлый раз студия закрылась с несохранёнными изменениями. Восстановить их? («Не сохранять» оставляет файлы как есть.)</translation>
    </message>
    <message>
        <source>Not restored, as the file cannot be read now: %1. Its recovered text is kept until the file is mended and the folder opened again.</source>
        <translation>Не восстановлено, так как файл сейчас не читается: %1. Восстановленный текст сохраняется, пока файл не будет исправлен и папка не будет открыта снова.</translation>
    </message>
    <message>
        <source>%1 — Exhibit studio</source>
        <translation>%1 — Студия экспозиции</translation>
    </message>
    <message>
        <source>The text recovered for it is kept in the recovery copy until the file can be read again.</source>
        <translation>Восстановленный для него текст хранится в резервной копии, пока файл снова не станет читаемым.</translation>
    </message>
    <message>
        <source>Typing</source>
        <translation>ввод текста</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>добавление</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>удаление</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>перемещение</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>Не изменено: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s): nothing can be drawn until they are mended (see Findings).</source>
        <translation>
            <numerusform>%n ошибка: пока она не исправлена, ничего нельзя нарисовать (см. замечания).</numerusform>
            <numerusform>%n ошибки: пока они не исправлены, ничего нельзя нарисовать (см. замечания).</numerusform>
            <numerusform>%n ошибок: пока они не исправлены, ничего нельзя нарисовать (см. замечания).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s): the preview shows the last version that could be drawn.</source>
        <translation>
            <numerusform>%n ошибка: в предпросмотре последняя версия, которую удалось нарисовать.</numerusform>
            <numerusform>%n ошибки: в предпросмотре последняя версия, которую удалось нарисовать.</numerusform>
            <numerusform>%n ошибок: в предпросмотре последняя версия, которую удалось нарисовать.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 could not be read, so it is shown read-only and never saved:
%2</source>
        <translation>%1 не удалось прочитать, поэтому файл показан только для чтения и не будет сохраняться:
%2</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>Не сохранено.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Не сохранено</translation>
    </message>
    <message>
        <source>The files could not be written: %1
Your changes are still here.</source>
        <translation>Не удалось записать файлы: %1
Ваши изменения сохранены здесь.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Сохранено.</translation>
    </message>
    <message>
        <source>Saved, not sealed</source>
        <translation>Сохранено, не запечатано</translation>
    </message>
    <message>
        <source>Your changes are saved, but the seal could not be renewed:
%1
The checks show each changed word until it is sealed or put back.</source>
        <translation>Ваши изменения сохранены, но печать не удалось обновить:
%1
Проверки показывают каждое изменённое слово, пока оно не будет запечатано или возвращено.</translation>
    </message>
    <message>
        <source>Changed by another program</source>
        <translation>Изменено другой программой</translation>
    </message>
    <message>
        <source>%1 changed on disk since the studio read it (another program saved it). Save the studio&apos;s version over it? Cancel saves nothing: your changes stay here, and the other program&apos;s stay on disk.</source>
        <translation>Файл %1 изменён на диске после того, как студия его прочитала (его сохранила другая программа). Записать поверх него версию студии? «Отмена» ничего не сохраняет: ваши изменения остаются здесь, а изменения другой программы — на диске.</translation>
    </message>
    <message>
        <source>No recovery copy could be written: %1</source>
        <translation>Не удалось записать резервную копию для восстановления: %1</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <source>Save the changes to %1?</source>
        <translation>Сохранить изменения в «%1»?</translation>
    </message>
    <message>
        <source>Save first?</source>
        <translation>Сначала сохранить?</translation>
    </message>
    <message>
        <source>The proof sheet shows the saved files. Save now?</source>
        <translation>Лист проверки показывает сохранённые файлы. Сохранить сейчас?</translation>
    </message>
    <message>
        <source>Writing the proof sheet...</source>
        <translation>Запись листа проверки...</translation>
    </message>
    <message>
        <source>Proof sheet written: %1</source>
        <translation>Лист проверки записан: %1</translation>
    </message>
    <message>
        <source>The proof sheet could not be written.</source>
        <translation>Не удалось записать лист проверки.</translation>
    </message>
    <message>
        <source>Proof sheet</source>
        <translation>Лист проверки</translation>
    </message>
    <message>
        <source>A pack is made from the saved files. Save now?</source>
        <translation>Пакет собирается из сохранённых файлов. Сохранить сейчас?</translation>
    </message>
    <message>
        <source>Published: %1</source>
        <translation>Опубликовано: %1</translation>
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
    <name>TextColumn</name>
    <message>
        <source>%1, default</source>
        <translation>%1, основной</translation>
    </message>
    <message>
        <source>No %1 text yet</source>
        <translation>Текста %1 пока нет</translation>
    </message>
    <message>
        <source>No %1 translation yet</source>
        <translation>Перевода %1 пока нет</translation>
    </message>
    <message>
        <source>Empty: no %1 text yet</source>
        <translation>Пусто: текста %1 пока нет</translation>
    </message>
    <message>
        <source>Not translated yet</source>
        <translation>Нет перевода</translation>
    </message>
    <message>
        <source>1 word</source>
        <translation>1 слово</translation>
    </message>
    <message>
        <source>%1 words</source>
        <translation>Слов: %1</translation>
    </message>
    <message>
        <source>Issued text — sealed</source>
        <translation>Официальный текст — запечатан</translation>
    </message>
    <message>
        <source>Not a text per language in the file: fix it there (see the findings)</source>
        <translation>В файле это не текст по языкам: исправьте его там (см. замечания)</translation>
    </message>
    <message>
        <source>Issued text, sealed: %1</source>
        <translation>Официальный текст, запечатан: %1</translation>
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
    <name>UnlockDialog</name>
    <message>
        <source>Unlock the issued text?</source>
        <translation>Разблокировать официальный текст?</translation>
    </message>
    <message>
        <source>The statement is shown exactly as it was issued. Its words are sealed, so that a slip of the keyboard cannot change them unnoticed. Line breaks, spaces, quotes and dashes may change; words may not.</source>
        <translation>Заявление показывается точно в том виде, в каком оно было выпущено. Его слова запечатаны, чтобы случайное нажатие клавиши не изменило их незаметно. Переносы строк, пробелы, кавычки и тире могут меняться; слова — нет.</translation>
    </message>
    <message>
        <source>Unlock only to put in a corrected issued text or a new official translation. The texts stay editable until you close the studio. When you save, every changed word is shown, and the new words are sealed only after you confirm them; until then the checks report each changed word.</source>
        <translation>Разблокируйте только для того, чтобы внести исправленный официальный текст или новый официальный перевод. Тексты остаются доступными для изменения, пока вы не закроете студию. При сохранении показывается каждое изменённое слово, а новые слова запечатываются только после вашего подтверждения; до тех пор проверки сообщают о каждом изменённом слове.</translation>
    </message>
    <message>
        <source>The seal is not a signature: it guards against careless edits and shows what changed. Who issued an exhibit is proven by the pack&apos;s signature.</source>
        <translation>Печать — не подпись: она защищает от случайных правок и показывает, что изменилось. Кто выпустил экспозицию, подтверждает подпись пакета.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Разблокировать</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
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
