package chibo.platform.web;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

import java.lang.annotation.Annotation;

/** What a handler declares about itself: on its method, else on its controller. */
public final class HandlerAnnotations {

    private HandlerAnnotations() {
    }

    /** The handler method's annotation of that type, else its controller's; null when neither has one. */
    public static <A extends Annotation> A find(HandlerMethod handler, Class<A> type) {
        A onMethod = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), type);
        return onMethod != null ? onMethod : AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), type);
    }
}
