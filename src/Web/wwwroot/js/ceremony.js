// The audience screen of the awards ceremony (/le-trao-giai): follows the presenter through Server-Sent Events.
// Each event carries the whole state (the revealed awards in order, the last one current), so the screen simply
// redraws what changed. EventSource reconnects by itself; when the server answers with an error instead (a
// restart, too many screens), it is opened again after a pause. Without JavaScript the page shows the state it
// was loaded with. Text goes in through textContent only: nothing from the server is parsed as HTML.
(function () {
    'use strict';

    var stage = document.getElementById('san-khau');
    if (!stage || !window.EventSource) {
        return;
    }
    var titleCard = document.getElementById('the-mo-dau');
    var current = document.getElementById('giai-hien-tai');
    var earlier = document.getElementById('giai-da-cong-bo');
    var earlierList = earlier.querySelector('ol');
    var lost = document.getElementById('mat-ket-noi');
    var logo = stage.querySelector('.stage-logo').getAttribute('src');
    var lastData = null;
    var source = null;
    var lostTimer = null;

    function element(tag, className, text) {
        var node = document.createElement(tag);
        if (className) {
            node.className = className;
        }
        if (text !== undefined) {
            node.textContent = text;
        }
        return node;
    }

    function titleSize(title) {
        return title.length > 140 ? 'award-title very-long' : title.length > 80 ? 'award-title long' : 'award-title';
    }

    function showEntrant(award) {
        var entrant = (award.entrant || '').toLocaleLowerCase('vi');
        return entrant.length > 0 && award.authors.every(function (a) { return a.toLocaleLowerCase('vi') !== entrant; });
    }

    function labelled(className, label, text) {
        var line = element('p', className);
        line.appendChild(element('span', 'award-label', label));
        line.appendChild(document.createTextNode(text));
        return line;
    }

    // The same markup as Pages/Ceremony/_Award.cshtml.
    function awardNow(award) {
        var article = element('article', 'award-now level-' + award.level + ' entering');
        article.setAttribute('data-award', String(award.id));
        var photo = element('div', 'award-photo');
        var img = element('img', award.photo ? '' : 'award-photo-none');
        img.src = award.photo || logo;
        img.alt = award.photo ? 'Ảnh công trình “' + award.title + '”' : '';
        photo.appendChild(img);
        article.appendChild(photo);

        var text = element('div', 'award-text');
        text.appendChild(element('p', 'award-tier', award.tier));
        text.appendChild(element('h1', titleSize(award.title), award.title));
        if (award.authors.length > 0) {
            text.appendChild(labelled('award-authors', award.authors.length > 1 ? 'Nhóm tác giả' : 'Tác giả', award.authors.join(', ')));
        }
        if (showEntrant(award)) {
            text.appendChild(labelled('award-entrant', 'Đơn vị dự thi', award.entrant));
        }
        text.appendChild(element('p', 'award-code', 'Mã công trình ' + award.code));
        article.appendChild(text);
        return article;
    }

    function earlierItem(award) {
        var item = element('li', 'level-' + award.level);
        item.setAttribute('data-award', String(award.id));
        item.appendChild(element('span', 'earlier-tier', award.tier));
        item.appendChild(element('span', 'earlier-title', award.title));
        item.appendChild(element('span', 'earlier-entrant', award.entrant));
        return item;
    }

    function render(state) {
        var now = state.current;
        stage.classList.toggle('stage-waiting', !now);
        titleCard.hidden = !!now;
        current.hidden = !now;
        var shown = current.querySelector('.award-now');
        if (!now) {
            current.textContent = '';
        } else if (!shown || shown.getAttribute('data-award') !== String(now.id)) {
            current.textContent = '';
            current.appendChild(awardNow(now));
        }

        // Earlier reveals, the most recent first.
        var before = state.revealed.slice(0, -1).reverse();
        earlierList.textContent = '';
        before.forEach(function (award) { earlierList.appendChild(earlierItem(award)); });
        earlier.hidden = before.length === 0;
        earlier.classList.toggle('many', before.length > 6);
    }

    function setLost(isLost) {
        // A reconnect that succeeds within a second does not need to alarm anyone in the hall.
        if (isLost && lostTimer === null && lost.hidden) {
            lostTimer = window.setTimeout(function () { lost.hidden = false; lostTimer = null; }, 1000);
        } else if (!isLost) {
            window.clearTimeout(lostTimer);
            lostTimer = null;
            lost.hidden = true;
        }
    }

    function connect() {
        source = new EventSource(stage.getAttribute('data-events'));
        source.addEventListener('open', function () { setLost(false); });
        source.addEventListener('state', function (event) {
            setLost(false);
            // Every (re)connect starts with the current state; only a different one is drawn again.
            if (event.data !== lastData) {
                lastData = event.data;
                render(JSON.parse(event.data));
            }
        });
        source.addEventListener('error', function () {
            setLost(true);
            if (source.readyState === EventSource.CLOSED) {
                // Not a dropped connection but a refusal (an error status): EventSource will not retry this one.
                source.close();
                window.setTimeout(connect, 5000);
            }
        });
    }

    connect();
}());
