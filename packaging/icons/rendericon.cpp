// SPDX-License-Identifier: GPL-3.0-or-later
// Build-time tool: renders the hand-drawn SVG icon into the hicolor PNG sizes.
//   notechondria-render-icon ICON.svg OUTPUT_DIR NAME SIZE...
// writes OUTPUT_DIR/<SIZE>x<SIZE>/apps/NAME.png for every SIZE.
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QTextStream>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

bool renderPng(QSvgRenderer &renderer, int size, const QString &path, QTextStream &err)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        renderer.render(&painter, QRectF(0, 0, size, size));
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath()) || !image.save(path, "PNG")) {
        err << "Icon not rendered: notechondria-render-icon — cannot write " << path << '\n';
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    // The tool runs during the build, where there may be no display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QGuiApplication app(argc, argv);
    QTextStream err(stderr);
    QStringList args = app.arguments();
    args.removeFirst();
    if (args.size() < 4) {
        err << "Icons not rendered: notechondria-render-icon — usage: ICON.svg OUTPUT_DIR NAME SIZE...\n";
        return 2;
    }
    QSvgRenderer renderer(args.at(0));
    if (!renderer.isValid()) {
        err << "Icons not rendered: notechondria-render-icon — " << args.at(0) << " is not a valid SVG file\n";
        return 1;
    }
    const QString outputDir = args.at(1);
    const QString name = args.at(2);
    for (const QString &sizeText : args.sliced(3)) {
        bool ok = false;
        const int size = sizeText.toInt(&ok);
        if (!ok || size < 8 || size > 1024) {
            err << "Icons not rendered: notechondria-render-icon — " << sizeText << " is not an icon size\n";
            return 2;
        }
        const QString path = u"%1/%2x%2/apps/%3.png"_s.arg(outputDir, QString::number(size), name);
        if (!renderPng(renderer, size, path, err)) {
            return 1;
        }
    }
    return 0;
}
